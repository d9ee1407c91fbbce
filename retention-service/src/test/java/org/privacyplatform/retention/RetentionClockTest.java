package org.privacyplatform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.privacyplatform.retention.config.RetentionConfig;
import org.privacyplatform.retention.service.RetentionClock;

/** Fiscal-year closings for any configured year end, without the application. */
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
