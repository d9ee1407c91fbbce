package org.privacyplatform.retention.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.privacyplatform.retention.LegalHold;

/**
 * A legal hold. {@code endsOn}: the day it lifts itself (set by the DPO), or once lifted the day the proceedings ended,
 * from which restarted limitation periods count.
 */
public record LegalHoldResponse(String id, String subjectId, String category, String caseReference, String reason,
        OffsetDateTime placedAt, LocalDate endsOn, OffsetDateTime liftedAt) {

    static LegalHoldResponse of(LegalHold h) {
        return new LegalHoldResponse(h.id.toString(), h.subjectId, h.category, h.caseReference, h.reason, h.placedAt,
                h.endsOn, h.liftedAt);
    }
}
