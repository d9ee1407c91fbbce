package org.privacyplatform.commons.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A legal hold ends, lifted by the DPO or on the end date set for it. {@code endedOn} is the end of the proceedings:
 * data whose rule restarts after a hold is kept for its limitation period from that day; other data that fell due
 * meanwhile expires at the next sweep.
 */
public record LegalHoldLifted(String holdId, String subjectId, String category, OffsetDateTime liftedAt,
        LocalDate endedOn) {
}
