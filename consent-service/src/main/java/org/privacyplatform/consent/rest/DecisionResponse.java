package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.service.Decision;

/** Answer of the decision API: may processing for this purpose happen now, on which basis, and why. */
public record DecisionResponse(String subjectId, String purposeId, boolean allowed, LegalBasis legalBasis, String reason,
        String detail, boolean storageOnly, String noticeVersion, OffsetDateTime expiresAt) {

    static DecisionResponse of(String subjectId, String purposeId, Decision decision) {
        return new DecisionResponse(subjectId, purposeId, decision.allowed(), decision.legalBasis(),
                decision.reason().name(), decision.detail(), decision.storageOnly(), decision.noticeVersion(),
                decision.expiresAt());
    }
}
