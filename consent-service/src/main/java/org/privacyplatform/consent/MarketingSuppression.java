package org.privacyplatform.consent;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An erased subject who had objected to direct marketing (or withdrawn a consent to it), known only by their
 * pseudonym: no direct-marketing purpose is allowed for them until they make a new choice (Art. 21(3) GDPR).
 */
@Entity
@Table(name = "marketing_suppression")
public class MarketingSuppression extends PanacheEntityBase {

    @Id
    public String pseudonym;

    /** Their latest objection to, or withdrawal from, direct marketing. */
    @Column(name = "objected_at", nullable = false)
    public OffsetDateTime objectedAt;

    @Column(name = "listed_at", nullable = false)
    public OffsetDateTime listedAt;

    /** The row is deleted after this day (at least three years after the objection, CNIL). */
    @Column(name = "keep_until", nullable = false)
    public LocalDate keepUntil;
}
