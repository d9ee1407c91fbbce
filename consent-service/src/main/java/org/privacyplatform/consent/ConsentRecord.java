package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import org.privacyplatform.commons.security.ActorType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One decision in a subject's history (Art. 7(1)): append-only, enforced by the database. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "purpose_id", nullable = false, updatable = false)
    public String purposeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ConsentStatus status;

    @Column(name = "notice_version", nullable = false, updatable = false)
    public String noticeVersion;

    /** The version of the whole privacy notice shown beside the purpose's notice, where the frontend said so. */
    @Column(name = "privacy_notice_version", updatable = false)
    public Integer privacyNoticeVersion;

    @Column(nullable = false, updatable = false)
    public String source;

    /** Who recorded it; null only on records written before actors were. */
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", updatable = false)
    public ActorType actorType;

    /**
     * The subject's {@code sub} when they decided themselves (pseudonymised with the subject id on erasure), the
     * calling system's client id, or the platform service that decided by its own rule.
     */
    @Column
    public String actor;

    /** Why the status changed, where the subject did not say it themselves: OBJECTION, EXPIRED, ... */
    @Column(updatable = false)
    public String reason;

    /**
     * For a grant given or authorised by a holder of parental responsibility (a subject under 15): the calling
     * system's reference of the holder or of its verification, never a name. Null otherwise.
     */
    @Column(name = "parental_consent_holder", updatable = false)
    public String parentalConsentHolder;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "pseudonymised_at")
    public OffsetDateTime pseudonymisedAt;
}
