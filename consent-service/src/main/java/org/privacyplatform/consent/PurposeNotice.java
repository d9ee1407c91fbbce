package org.privacyplatform.consent;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One published version of a purpose's notice text. Published once, never edited. */
@Entity
@Table(name = "purpose_notice")
@IdClass(PurposeNotice.Key.class)
public class PurposeNotice extends PanacheEntityBase {

    @Id
    @Column(name = "purpose_id")
    public String purposeId;

    @Id
    public String version;

    /** Publication order within the purpose. */
    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String text;

    @Column(name = "requires_fresh_consent", nullable = false)
    public boolean requiresFreshConsent;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    public static class Key implements Serializable {
        public String purposeId;
        public String version;

        public Key() {
        }

        public Key(String purposeId, String version) {
            this.purposeId = purposeId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(purposeId, k.purposeId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(purposeId, version);
        }
    }
}
