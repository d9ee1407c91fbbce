package org.privacyplatform.commons.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The day as a person reads it: the reference customer is in France, so every date a person gives (a last contact, an
 * anchor, a hold's end, a birth date, a date of death) or reads (a due date, the end of proceedings, the day a minor
 * reaches the age of consent) is a day in Paris, from 00:00 to 24:00 Europe/Paris, in every service. Instants
 * (placedAt, expiredAt, ...) stay in UTC; only days are Paris days.
 */
public final class ParisDay {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private ParisDay() {
    }

    /** Today in Paris. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The Paris day {@code instant} falls on. */
    public static LocalDate of(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toLocalDate();
    }
}
