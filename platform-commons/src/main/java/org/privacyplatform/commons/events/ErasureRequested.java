package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** A verified erasure request (Art. 17): every service erases what it may and answers with ErasureCompleted. */
public record ErasureRequested(String requestId, String subjectId, OffsetDateTime requestedAt) {
}
