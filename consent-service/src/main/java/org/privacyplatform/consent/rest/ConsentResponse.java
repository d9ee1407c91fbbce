package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.service.PurposeCatalog;

/**
 * A subject's standing on one purpose. {@code status} is {@code NONE} where the subject never decided.
 * {@code SUPPRESSED} where they never decided since an erasure that kept them on the marketing suppression list (a
 * direct-marketing purpose, Art. 21(3)). {@code changed} is set on the answer to a PUT: false when the decision repeated the current one.
 */
public record ConsentResponse(String subjectId, String purposeId, LegalBasis legalBasis, String status,
        String noticeVersion, String currentNoticeVersion, String source, OffsetDateTime decidedAt,
        OffsetDateTime expiresAt, Boolean changed) {

    static ConsentResponse of(PurposeCatalog.Entry purpose, String subjectId, ConsentState state, Boolean changed) {
        return of(purpose, subjectId, state, changed, false);
    }

    /**
     * {@code suppressed}: the subject is on the marketing suppression list (Art. 21(3)); on a direct-marketing purpose
     * they have made no choice on since, the status is {@code SUPPRESSED} (not processed, as an objection) instead of
     * {@code NONE}.
     */
    static ConsentResponse of(PurposeCatalog.Entry purpose, String subjectId, ConsentState state, Boolean changed,
            boolean suppressed) {
        if (state == null) {
            return new ConsentResponse(subjectId, purpose.id(), purpose.legalBasis(),
                    suppressed && purpose.directMarketing() ? "SUPPRESSED" : "NONE", null,
                    purpose.currentNoticeVersion(), null, null, null, changed);
        }
        return new ConsentResponse(subjectId, purpose.id(), purpose.legalBasis(), state.status.name(), state.noticeVersion,
                purpose.currentNoticeVersion(), state.source, state.decidedAt, state.expiresAt, changed);
    }
}
