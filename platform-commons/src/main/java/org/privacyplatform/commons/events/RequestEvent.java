package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * A step of a data-subject request (RequestReceived, IdentityVerified, RequestExtended, RequestRejected,
 * RequestCompleted, RectificationRequested): what an auditor asks about, without the request's content
 * (which may hold personal data and stays in the rights-request service).
 *
 * @param at   when the step happened; for RequestReceived, the receipt, when the Art. 12(3) clock started (for a
 *             request the DPO files after receiving it by post or e-mail, earlier than the filing)
 * @param note the rejection ground or the final status, where the step has one: a code, never free text (an
 *             extension's reasons stay in the rights-request service)
 */
public record RequestEvent(String requestId, String subjectId, String type, String status, OffsetDateTime at,
        OffsetDateTime dueAt, String note) {
}
