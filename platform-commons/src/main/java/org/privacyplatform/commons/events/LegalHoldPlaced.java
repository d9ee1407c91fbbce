package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** Litigation suspends expiry: nothing of the subject (or of the category) expires while the hold stands. */
public record LegalHoldPlaced(String holdId, String subjectId, String category, String caseReference, String reason,
        OffsetDateTime placedAt) {
}
