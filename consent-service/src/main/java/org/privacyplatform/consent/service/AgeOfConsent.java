package org.privacyplatform.consent.service;

import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.privacyplatform.commons.time.ParisDay;

/**
 * The age of digital consent as French law reads it: 15 (art. 45 loi Informatique et Libertés, under Art. 8(1) GDPR),
 * reached at 00:00 Paris time on the birthday, the day a date is shown to a person in. Age counts from day to day: a
 * subject born on 29 February has lived 15 full years only when 28 February of a common year has ended, so they reach
 * it on 1 March (the 15th birthday of someone born on 29 February never falls in a leap year). The later of the two
 * readings, so a child is never treated as older than they are.
 */
public final class AgeOfConsent {

    public static final int YEARS = 15;
    public static final ZoneId ZONE = ParisDay.ZONE;
    /** The earliest birth date taken as plausible. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private AgeOfConsent() {
    }

    /** The day someone born on {@code birthDate} reaches the age of digital consent. */
    public static LocalDate reachedOn(LocalDate birthDate) {
        LocalDate anniversary = birthDate.plusYears(YEARS);
        boolean leapDay = birthDate.getMonth() == Month.FEBRUARY && birthDate.getDayOfMonth() == 29;
        return leapDay && anniversary.getDayOfMonth() == 28 ? anniversary.plusDays(1) : anniversary;
    }

    /** The instant the age is reached: 00:00 in Paris on that day. */
    public static OffsetDateTime reachedAt(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** Today as a person in Paris reads it at {@code now}. */
    public static LocalDate today(OffsetDateTime now) {
        return now.atZoneSameInstant(ZONE).toLocalDate();
    }

    /**
     * Whether a subject is under the age at {@code now}: known to reach it on {@code reachedOn}, or, where that is
     * null, stated a minor without a date.
     */
    public static boolean under(LocalDate reachedOn, OffsetDateTime now) {
        return reachedOn == null || now.isBefore(reachedAt(reachedOn));
    }
}
