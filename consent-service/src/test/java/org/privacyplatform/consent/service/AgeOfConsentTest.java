package org.privacyplatform.consent.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The age of digital consent to the day, and to the instant in Paris. */
class AgeOfConsentTest {

    @Test
    void fifteenYearsFromDayToDay() {
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2012-03-01"))).isEqualTo("2027-03-01");
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2012-01-31"))).isEqualTo("2027-01-31");
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2011-12-31"))).isEqualTo("2026-12-31");
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2012-02-28"))).isEqualTo("2027-02-28");
    }

    @Test
    void bornOnALeapDayTheyReachItOnTheFirstOfMarch() {
        // 15 years after a 29 February is never a leap year: 28 February has to end first
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2012-02-29"))).isEqualTo("2027-03-01");
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2016-02-29"))).isEqualTo("2031-03-01");
        assertThat(AgeOfConsent.reachedOn(LocalDate.parse("2000-02-29"))).isEqualTo("2015-03-01");
    }

    @Test
    void theAgeIsReachedAtMidnightInParis() {
        // winter: UTC+1
        assertThat(AgeOfConsent.reachedAt(LocalDate.parse("2027-03-01")).toInstant()).hasToString("2027-02-28T23:00:00Z");
        // summer: UTC+2
        assertThat(AgeOfConsent.reachedAt(LocalDate.parse("2026-07-14")).toInstant()).hasToString("2026-07-13T22:00:00Z");
        // the night the clocks go forward (02:00 on 28 March 2027): midnight is still winter time
        assertThat(AgeOfConsent.reachedAt(LocalDate.parse("2027-03-28")).toInstant()).hasToString("2027-03-27T23:00:00Z");
        // the night they go back (03:00 on 31 October 2027): midnight is still summer time
        assertThat(AgeOfConsent.reachedAt(LocalDate.parse("2027-10-31")).toInstant()).hasToString("2027-10-30T22:00:00Z");

        LocalDate day = LocalDate.parse("2027-03-01");
        assertThat(AgeOfConsent.under(day, OffsetDateTime.parse("2027-02-28T22:59:59.999999Z"))).isTrue();
        assertThat(AgeOfConsent.under(day, OffsetDateTime.parse("2027-02-28T23:00:00Z"))).isFalse();
        // a minor stated without a date stays one
        assertThat(AgeOfConsent.under(null, OffsetDateTime.parse("2100-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void todayIsTheDayInParis() {
        assertThat(AgeOfConsent.today(OffsetDateTime.parse("2026-12-31T23:30:00Z"))).isEqualTo("2027-01-01");
        assertThat(AgeOfConsent.today(OffsetDateTime.parse("2026-12-31T22:59:59Z"))).isEqualTo("2026-12-31");
    }
}
