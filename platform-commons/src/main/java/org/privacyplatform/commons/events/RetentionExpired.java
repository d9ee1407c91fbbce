package org.privacyplatform.commons.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A holding's retention ran out: the system that holds it must now delete it. Emitted once per holding.
 */
public record RetentionExpired(String holdingId, String subjectId, String category, String system, String reference,
        String ruleId, int ruleVersion, LocalDate anchorDate, LocalDate dueOn, OffsetDateTime expiredAt) {
}
