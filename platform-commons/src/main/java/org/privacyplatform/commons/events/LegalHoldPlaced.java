package org.privacyplatform.commons.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Litigation suspends expiry: nothing of the subject (or of the category) expires while the hold stands. The case
 * reference and the reason, which may name people, stay in the retention service: {@code holdId} is the reference.
 * {@code endsOn}: the day the hold lifts itself (an appeal period), or null while its end is not known.
 */
public record LegalHoldPlaced(String holdId, String subjectId, String category, OffsetDateTime placedAt,
        LocalDate endsOn) {
}
