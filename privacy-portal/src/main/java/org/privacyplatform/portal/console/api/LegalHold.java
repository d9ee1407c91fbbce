package org.privacyplatform.portal.console.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A legal hold: litigation suspends the expiry of a subject's data, of a category, or both. */
public record LegalHold(String id, String subjectId, String category, String caseReference, String reason,
        OffsetDateTime placedAt, LocalDate endsOn, OffsetDateTime liftedAt) {

    public boolean isStanding() {
        return liftedAt == null;
    }
}
