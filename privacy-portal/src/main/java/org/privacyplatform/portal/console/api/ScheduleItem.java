package org.privacyplatform.portal.console.api;

import java.time.LocalDate;
import java.util.List;

/** One holding of a subject's schedule: what is held, until when, under which rule and version. */
public record ScheduleItem(String holdingId, String category, String system, String reference, LocalDate anchorDate,
        LocalDate lastContactOn, String ruleId, Integer ruleVersion, String ruleGround, LocalDate archiveFrom,
        LocalDate dueOn, String status, List<Hold> legalHolds, Boolean restricted) {

    public record Hold(String id, String caseReference) {
    }
}
