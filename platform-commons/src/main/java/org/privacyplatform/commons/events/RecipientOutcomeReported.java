package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * A recipient (Art. 19) answered a request: DONE, PARTIAL (something kept) or FAILED. {@code actorType} SERVICE
 * and {@code actorSystem} the calling system that reported over REST, or SYSTEM and the platform service that
 * answered over Kafka.
 */
public record RecipientOutcomeReported(String requestId, String subjectId, String recipientId, String status,
        String actorType, String actorSystem, OffsetDateTime reportedAt) {
}
