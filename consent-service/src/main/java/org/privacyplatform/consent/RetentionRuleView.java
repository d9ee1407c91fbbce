package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A retention rule as the retention service's latest RetentionRuleChanged describes it (a read model: the retention
 * service owns the rule; the notice and the Art. 30 record show its period).
 */
@Entity
@Table(name = "retention_rule_view")
public class RetentionRuleView extends PanacheEntityBase {

    @Id
    @Column(name = "rule_id")
    public String ruleId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String category;

    /** The event the clock starts from: COLLECTION, LAST_CONTACT, CONTRACT_END, ... */
    @Column(nullable = false)
    public String anchor;

    /** ISO-8601 period after the anchor (P0D: until the anchor event itself). */
    public String period;

    /** DELETE, or ARCHIVE for {@link #archivePeriod} then delete. */
    @Column(name = "end_action", nullable = false)
    public String endAction;

    @Column(name = "archive_period")
    public String archivePeriod;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
