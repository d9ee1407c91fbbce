package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * The DPO changed a retention rule; {@code version} counts from 1 (the rule as it shipped). {@code backstop}: for a rule
 * whose anchor may never come, how long after its last contact a holding still waiting for it falls due.
 * {@code restartAfterHold}: lifting a legal hold on its data restarts {@code limitationPeriod} from the end of the
 * proceedings.
 */
public record RetentionRuleChanged(String ruleId, int version, String category, String anchor, String period,
        String endAction, String archivePeriod, String consentPurpose, boolean statutory, String backstop,
        boolean restartAfterHold, String limitationPeriod, OffsetDateTime changedAt) {
}
