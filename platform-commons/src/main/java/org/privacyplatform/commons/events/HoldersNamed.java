package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The retention service's answer to {@link EventType#RECTIFICATION_REQUESTED}: the business systems (their client ids)
 * that registered holdings of the subject still held, each of which holds the data itself and must correct it and
 * answer (Art. 16, 19). Empty when none does. {@code system} names the service that answers.
 */
public record HoldersNamed(String requestId, String subjectId, String system, List<String> holders,
        OffsetDateTime namedAt) {
}
