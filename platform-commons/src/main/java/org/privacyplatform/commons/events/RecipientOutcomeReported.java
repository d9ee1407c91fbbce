package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** A recipient (Art. 19) answered a request: DONE, PARTIAL (something kept) or FAILED. */
public record RecipientOutcomeReported(String requestId, String subjectId, String recipientId, String status,
        OffsetDateTime reportedAt) {
}
