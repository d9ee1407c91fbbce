package org.privacyplatform.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.privacyplatform.rights.service.RequestClock;

/** Art. 12(3) to the day: calendar months, month ends and leap years. */
class RequestClockTest {

    @ParameterizedTest(name = "received {0}: due {1}, extended {2}")
    @CsvSource({
            "2025-01-31T10:00:00Z, 2025-02-28T10:00:00Z, 2025-04-30T10:00:00Z",
            "2024-01-31T10:00:00Z, 2024-02-29T10:00:00Z, 2024-04-30T10:00:00Z",
            "2024-02-29T08:30:00Z, 2024-03-29T08:30:00Z, 2024-05-29T08:30:00Z",
            "2025-03-31T23:59:59Z, 2025-04-30T23:59:59Z, 2025-06-30T23:59:59Z",
            "2025-11-30T12:00:00Z, 2025-12-30T12:00:00Z, 2026-02-28T12:00:00Z",
            "2025-12-15T00:00:00Z, 2026-01-15T00:00:00Z, 2026-03-15T00:00:00Z" })
    void dueOneCalendarMonthAfterReceiptAndThreeWhenExtended(String received, String due, String extended) {
        OffsetDateTime receivedAt = OffsetDateTime.parse(received);
        assertThat(RequestClock.dueAt(receivedAt)).isEqualTo(OffsetDateTime.parse(due));
        assertThat(RequestClock.extendedDueAt(receivedAt)).isEqualTo(OffsetDateTime.parse(extended));
    }
}
