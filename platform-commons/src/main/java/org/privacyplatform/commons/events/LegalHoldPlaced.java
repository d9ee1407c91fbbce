package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * Litigation suspends expiry: nothing of the subject (or of the category) expires while the hold stands. The case
 * reference and the reason, which may name people, stay in the retention service: {@code holdId} is the reference.
 */
public record LegalHoldPlaced(String holdId, String subjectId, String category, OffsetDateTime placedAt) {
}
