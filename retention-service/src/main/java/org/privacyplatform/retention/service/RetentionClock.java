package org.privacyplatform.retention.service;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

import org.privacyplatform.retention.Anchor;
import org.privacyplatform.retention.EndAction;
import org.privacyplatform.retention.RetentionRule;
import org.privacyplatform.retention.config.RetentionConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Computes, from a rule and a holding's dates, the day archiving starts and the day the data must be deleted.
 * Calendar arithmetic is java.time's: a month after 31 January is the last day of February, a year after
 * 29 February is 28 February.
 */
@ApplicationScoped
public class RetentionClock {

    /** When a holding is archived (null if never) and when it falls due (null while unknown). */
    public record Dates(LocalDate archiveFrom, LocalDate dueOn) {
    }

    private final MonthDay fiscalYearEnd;

    public RetentionClock(RetentionConfig config) {
        this.fiscalYearEnd = MonthDay.parse("--" + config.fiscalYearEnd());
    }

    /**
     * The dates of a holding under {@code rule}: counted from its anchor once the anchor came, else from its last
     * contact by the rule's backstop (deleted then, never archived: the contract or case it waited for never came);
     * and, once proceedings on it ended under a rule that restarts after a legal hold, never before the limitation
     * period counted from the end of the proceedings. Either ground keeps it, so the later date wins.
     */
    public Dates datesFor(RetentionRule rule, LocalDate anchorDate, LocalDate lastContactOn, LocalDate proceedingsEndedOn) {
        Dates dates = datesFor(rule, anchorDate);
        if (anchorDate == null && rule.backstop != null && lastContactOn != null) {
            dates = new Dates(null, lastContactOn.plus(Period.parse(rule.backstop)));
        }
        if (rule.restartAfterHold && rule.limitationPeriod != null && proceedingsEndedOn != null) {
            LocalDate restarted = proceedingsEndedOn.plus(Period.parse(rule.limitationPeriod));
            if (dates.dueOn() == null || restarted.isAfter(dates.dueOn())) {
                dates = new Dates(dates.archiveFrom(), restarted);
            }
        }
        return dates;
    }

    /** The dates counted from the anchor alone; none while the anchor has not come. */
    public Dates datesFor(RetentionRule rule, LocalDate anchorDate) {
        if (anchorDate == null) {
            return new Dates(null, null);
        }
        LocalDate start = rule.anchor == Anchor.FISCAL_YEAR_END ? fiscalYearClosing(anchorDate) : anchorDate;
        LocalDate end = start.plus(Period.parse(rule.period));
        if (rule.endAction == EndAction.ARCHIVE) {
            return new Dates(end, end.plus(Period.parse(rule.archivePeriod)));
        }
        return new Dates(null, end);
    }

    /** The closing date of the fiscal year in which {@code date} falls. */
    public LocalDate fiscalYearClosing(LocalDate date) {
        LocalDate closing = fiscalYearEnd.atYear(date.getYear());
        return date.isAfter(closing) ? fiscalYearEnd.atYear(date.getYear() + 1) : closing;
    }
}
