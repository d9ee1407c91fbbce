package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** The DPO changed a retention rule; {@code version} counts from 1 (the rule as it shipped). */
public record RetentionRuleChanged(String ruleId, int version, String category, String anchor, String period,
        String endAction, String archivePeriod, String consentPurpose, boolean statutory, OffsetDateTime changedAt) {
}
