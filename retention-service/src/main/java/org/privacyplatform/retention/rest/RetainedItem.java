package org.privacyplatform.retention.rest;

import java.time.LocalDate;
import java.util.List;

import org.privacyplatform.retention.service.HoldingService;

/**
 * What the platform still keeps of a subject: which system keeps what, under which key (their pseudonym once their
 * erasure completed, or still their id), under which rule and version, on which ground, until when, and which legal
 * holds keep it longer.
 */
public record RetainedItem(String holdingId, String keptUnder, String subjectKey, String system, String category,
        String reference, String what, String ruleId, int ruleVersion, String ruleGround, LocalDate anchorDate,
        LocalDate lastContactOn, LocalDate proceedingsEndedOn, LocalDate archiveFrom, LocalDate dueOn,
        List<ScheduleItem.Hold> legalHolds) {

    /** The key a record is kept under. */
    public static final String PSEUDONYM = "PSEUDONYM";
    public static final String SUBJECT_ID = "SUBJECT_ID";

    static RetainedItem of(HoldingService.Retained retained) {
        var s = retained.scheduled();
        var h = s.holding();
        return new RetainedItem(h.id.toString(), retained.underPseudonym() ? PSEUDONYM : SUBJECT_ID, h.subjectId, h.system,
                h.category, h.reference, s.rule() == null ? null : s.rule().description, h.ruleId, h.ruleVersion,
                s.rule() == null ? null : s.rule().ground, h.anchorDate, h.lastContactOn, h.proceedingsEndedOn,
                h.archiveFrom, h.dueOn,
                s.legalHolds().stream().map(l -> new ScheduleItem.Hold(l.id.toString(), l.caseReference)).toList());
    }
}
