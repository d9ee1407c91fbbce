package org.privacyplatform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.privacyplatform.retention.config.RetentionConfig;
import org.privacyplatform.retention.service.RetentionClock;

/** Fiscal-year closings, backstops and restarted limitation periods, to the day, without the application. */
class RetentionClockTest {

    @Test
    void theClosingOfACalendarFiscalYearIsTheThirtyFirstOfDecember() {
        RetentionClock clock = clockEndingOn("12-31");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2025-03-15"))).isEqualTo("2025-12-31");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2025-12-31"))).isEqualTo("2025-12-31");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2026-01-01"))).isEqualTo("2026-12-31");
    }

    @Test
    void aFiscalYearClosingInJuneCountsFromTheNextThirtiethOfJune() {
        RetentionClock clock = clockEndingOn("06-30");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2025-06-30"))).isEqualTo("2025-06-30");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2025-07-01"))).isEqualTo("2026-06-30");

        RetentionRule accounting = new RetentionRule();
        accounting.anchor = Anchor.FISCAL_YEAR_END;
        accounting.period = "P10Y";
        accounting.endAction = EndAction.DELETE;
        assertThat(clock.datesFor(accounting, LocalDate.parse("2025-08-01")).dueOn()).isEqualTo("2036-06-30");
    }

    @Test
    void aFiscalYearClosingOnTheTwentyNinthOfFebruaryFollowsLeapYears() {
        RetentionClock clock = clockEndingOn("02-29");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2024-01-10"))).isEqualTo("2024-02-29");
        assertThat(clock.fiscalYearClosing(LocalDate.parse("2025-01-10"))).isEqualTo("2025-02-28");
    }

    @Test
    void aHoldingWhoseAnchorNeverCameFallsDueAtTheBackstopAfterItsLastContactNeverArchived() {
        RetentionClock clock = clockEndingOn("12-31");
        RetentionRule training = rule(Anchor.CONTRACT_END, "P0D", EndAction.ARCHIVE, "P5Y");
        training.backstop = "P3Y";

        assertThat(clock.datesFor(training, null, LocalDate.parse("2024-02-29"), null))
                .isEqualTo(new RetentionClock.Dates(null, LocalDate.parse("2027-02-28")));
        training.backstop = "P18M";
        assertThat(clock.datesFor(training, null, LocalDate.parse("2023-08-31"), null).dueOn()).isEqualTo("2025-02-28");
        // once the contract ended, the anchor counts and the backstop no longer does
        assertThat(clock.datesFor(training, LocalDate.parse("2025-01-31"), LocalDate.parse("2023-08-31"), null))
                .isEqualTo(new RetentionClock.Dates(LocalDate.parse("2025-01-31"), LocalDate.parse("2030-01-31")));
    }

    @Test
    void theEndOfProceedingsRestartsTheLimitationPeriodAndTheLaterDateWins() {
        RetentionClock clock = clockEndingOn("12-31");
        RetentionRule fraudCase = rule(Anchor.CASE_CLOSED, "P5Y", EndAction.DELETE, null);
        fraudCase.backstop = "P3Y";
        fraudCase.restartAfterHold = true;
        fraudCase.limitationPeriod = "P5Y";

        // closed in 2018, due in 2023; proceedings ended on 29 February 2024: five years from then
        assertThat(clock.datesFor(fraudCase, LocalDate.parse("2018-06-30"), LocalDate.parse("2018-06-30"),
                LocalDate.parse("2024-02-29")).dueOn()).isEqualTo("2029-02-28");
        // a case closed after the proceedings ended counts from its closing
        assertThat(clock.datesFor(fraudCase, LocalDate.parse("2024-12-31"), LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-02-29")).dueOn()).isEqualTo("2029-12-31");
        // a case never closed: the later of its backstop and the restarted limitation period
        assertThat(clock.datesFor(fraudCase, null, LocalDate.parse("2023-01-31"), LocalDate.parse("2023-03-31")).dueOn())
                .isEqualTo("2028-03-31");
        // a rule that does not restart ignores the end of proceedings
        fraudCase.restartAfterHold = false;
        fraudCase.limitationPeriod = null;
        assertThat(clock.datesFor(fraudCase, LocalDate.parse("2018-06-30"), LocalDate.parse("2018-06-30"),
                LocalDate.parse("2024-02-29")).dueOn()).isEqualTo("2023-06-30");
    }

    private static RetentionRule rule(Anchor anchor, String period, EndAction endAction, String archivePeriod) {
        RetentionRule rule = new RetentionRule();
        rule.anchor = anchor;
        rule.period = period;
        rule.endAction = endAction;
        rule.archivePeriod = archivePeriod;
        return rule;
    }

    private static RetentionClock clockEndingOn(String monthDay) {
        return new RetentionClock(new RetentionConfig() {
            @Override
            public String fiscalYearEnd() {
                return monthDay;
            }

            @Override
            public Sweep sweep() {
                return null;
            }
        });
    }
}
