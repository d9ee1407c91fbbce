package org.privacyplatform.retention.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.retention.LegalHold;

public record LegalHoldResponse(String id, String subjectId, String category, String caseReference, String reason,
        OffsetDateTime placedAt, OffsetDateTime liftedAt) {

    static LegalHoldResponse of(LegalHold h) {
        return new LegalHoldResponse(h.id.toString(), h.subjectId, h.category, h.caseReference, h.reason, h.placedAt,
                h.liftedAt);
    }
}
