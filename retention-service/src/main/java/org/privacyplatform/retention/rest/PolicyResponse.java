package org.privacyplatform.retention.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.retention.Anchor;
import org.privacyplatform.retention.EndAction;
import org.privacyplatform.retention.RetentionRule;
import org.privacyplatform.retention.RetentionRuleVersion;

/**
 * A retention rule (the one in force, or one of its versions). {@code backstop}: for an anchor that may never come, how
 * long after its last contact a holding still waiting for it falls due. {@code restartAfterHold}: lifting a legal hold
 * restarts {@code limitationPeriod} from the end of the proceedings.
 */
public record PolicyResponse(String id, int version, String category, String description, Anchor anchor, String period,
        EndAction endAction, String archivePeriod, String consentPurpose, boolean statutory, String ground,
        String backstop, boolean restartAfterHold, String limitationPeriod, OffsetDateTime changedAt) {

    static PolicyResponse of(RetentionRule r) {
        return new PolicyResponse(r.id, r.version, r.category, r.description, r.anchor, r.period, r.endAction,
                r.archivePeriod, r.consentPurpose, r.statutory, r.ground, r.backstop, r.restartAfterHold,
                r.limitationPeriod, r.changedAt);
    }

    static PolicyResponse of(RetentionRuleVersion r) {
        return new PolicyResponse(r.ruleId, r.version, r.category, r.description, r.anchor, r.period, r.endAction,
                r.archivePeriod, r.consentPurpose, r.statutory, r.ground, r.backstop, r.restartAfterHold,
                r.limitationPeriod, r.changedAt);
    }
}
