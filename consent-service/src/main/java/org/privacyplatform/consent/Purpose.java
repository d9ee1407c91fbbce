package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A purpose of processing, with its legal basis and the notice version currently shown to subjects. */
@Entity
@Table(name = "purpose")
public class Purpose extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    public LegalBasis legalBasis;

    @Column(name = "direct_marketing", nullable = false)
    public boolean directMarketing;

    /** Whether a visitor may decide on it before logging in (the consent banner): consent purposes only. */
    @Column(name = "device_eligible", nullable = false)
    public boolean deviceEligible;

    /**
     * Whether the DPO says the purpose serves the establishment, exercise or defence of legal claims: while a subject is
     * restricted, processing for it goes on (Art. 18(2)). Never a consent or direct-marketing purpose.
     */
    @Column(name = "legal_claims", nullable = false)
    public boolean legalClaims;

    /** ISO-8601 period after which a consent lapses, or null. */
    public String validity;

    @Column(name = "current_notice_version", nullable = false)
    public String currentNoticeVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
