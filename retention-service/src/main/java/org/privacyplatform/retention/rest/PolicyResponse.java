package org.privacyplatform.retention.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.retention.Anchor;
import org.privacyplatform.retention.EndAction;
import org.privacyplatform.retention.RetentionRule;
import org.privacyplatform.retention.RetentionRuleVersion;

/** A retention rule (the one in force, or one of its versions). */
public record PolicyResponse(String id, int version, String category, String description, Anchor anchor, String period,
        EndAction endAction, String archivePeriod, String consentPurpose, boolean statutory, String ground,
        OffsetDateTime changedAt) {

    static PolicyResponse of(RetentionRule r) {
        return new PolicyResponse(r.id, r.version, r.category, r.description, r.anchor, r.period, r.endAction,
                r.archivePeriod, r.consentPurpose, r.statutory, r.ground, r.changedAt);
    }

    static PolicyResponse of(RetentionRuleVersion r) {
        return new PolicyResponse(r.ruleId, r.version, r.category, r.description, r.anchor, r.period, r.endAction,
                r.archivePeriod, r.consentPurpose, r.statutory, r.ground, r.changedAt);
    }
}
