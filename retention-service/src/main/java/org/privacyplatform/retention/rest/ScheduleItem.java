package org.privacyplatform.retention.rest;

import java.time.LocalDate;
import java.util.List;

import org.privacyplatform.retention.service.HoldingService;

/**
 * What is held, until when, under which rule and version, and which legal holds keep it. {@code lastContactOn}: the
 * backstop counts from it while the anchor has not come; {@code proceedingsEndedOn}: the end of the proceedings of the
 * last legal hold lifted on it, from which a restarting rule's limitation period counts; {@code restricted}: the
 * subject's processing is restricted (Art. 18), so it does not expire, even past {@code dueOn}, until that is lifted.
 */
public record ScheduleItem(String holdingId, String subjectId, String category, String system, String reference,
        LocalDate anchorDate, LocalDate lastContactOn, LocalDate proceedingsEndedOn, String ruleId, int ruleVersion,
        String ruleGround, LocalDate archiveFrom, LocalDate dueOn, String status, List<Hold> legalHolds,
        boolean restricted) {

    public record Hold(String id, String caseReference) {
    }

    static ScheduleItem of(HoldingService.ScheduledHolding s) {
        var h = s.holding();
        return new ScheduleItem(h.id.toString(), h.subjectId, h.category, h.system, h.reference, h.anchorDate,
                h.lastContactOn, h.proceedingsEndedOn, h.ruleId,
                h.ruleVersion, s.rule() == null ? null : s.rule().ground, h.archiveFrom, h.dueOn, h.status.name(),
                s.legalHolds().stream().map(l -> new Hold(l.id.toString(), l.caseReference)).toList(), s.restricted());
    }
}
