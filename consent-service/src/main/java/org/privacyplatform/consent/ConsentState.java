package org.privacyplatform.consent;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A subject's current decision on one purpose. The history keeps every decision. */
@Entity
@Table(name = "consent_state")
@IdClass(ConsentState.Key.class)
public class ConsentState extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Id
    @Column(name = "purpose_id")
    public String purposeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;

    @Column(name = "notice_version", nullable = false)
    public String noticeVersion;

    @Column(nullable = false)
    public String source;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** The holder of parental responsibility who gave or authorised a grant (a reference, never a name), or null. */
    @Column(name = "parental_consent_holder")
    public String parentalConsentHolder;

    public static class Key implements Serializable {
        public String subjectId;
        public String purposeId;

        public Key() {
        }

        public Key(String subjectId, String purposeId) {
            this.subjectId = subjectId;
            this.purposeId = purposeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subjectId, k.subjectId) && Objects.equals(purposeId, k.purposeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, purposeId);
        }
    }
}
