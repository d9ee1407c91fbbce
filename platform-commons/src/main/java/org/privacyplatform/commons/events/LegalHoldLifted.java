package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** A legal hold ends: what fell due meanwhile expires at the next sweep. */
public record LegalHoldLifted(String holdId, String subjectId, String category, OffsetDateTime liftedAt) {
}
