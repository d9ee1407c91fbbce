package org.privacyplatform.retention;

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

/** A rule as it stood at one version: the history a DPO or auditor reads. */
@Entity
@Table(name = "retention_rule_version")
@IdClass(RetentionRuleVersion.Key.class)
public class RetentionRuleVersion extends PanacheEntityBase {

    @Id
    @Column(name = "rule_id")
    public String ruleId;

    @Id
    public int version;

    public String category;
    public String description;

    @Enumerated(EnumType.STRING)
    public Anchor anchor;

    public String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_action")
    public EndAction endAction;

    @Column(name = "archive_period")
    public String archivePeriod;

    @Column(name = "consent_purpose")
    public String consentPurpose;

    public boolean statutory;
    public String ground;
    public String backstop;

    @Column(name = "restart_after_hold")
    public boolean restartAfterHold;

    @Column(name = "limitation_period")
    public String limitationPeriod;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public static RetentionRuleVersion of(RetentionRule rule) {
        RetentionRuleVersion v = new RetentionRuleVersion();
        v.ruleId = rule.id;
        v.version = rule.version;
        v.category = rule.category;
        v.description = rule.description;
        v.anchor = rule.anchor;
        v.period = rule.period;
        v.endAction = rule.endAction;
        v.archivePeriod = rule.archivePeriod;
        v.consentPurpose = rule.consentPurpose;
        v.statutory = rule.statutory;
        v.ground = rule.ground;
        v.backstop = rule.backstop;
        v.restartAfterHold = rule.restartAfterHold;
        v.limitationPeriod = rule.limitationPeriod;
        v.changedAt = rule.changedAt;
        return v;
    }

    public static class Key implements Serializable {
        public String ruleId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ruleId, k.ruleId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, version);
        }
    }
}
