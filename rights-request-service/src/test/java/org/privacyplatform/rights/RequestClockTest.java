package org.privacyplatform.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.privacyplatform.rights.service.RequestClock;

/**
 * Art. 12(3) to the day: calendar months, month ends and leap years. Extended, the due date is the earlier of the first
 * due date plus two months and receipt plus three months: the subject's reading where the text reads two ways.
 */
class RequestClockTest {

    @ParameterizedTest(name = "received {0}: due {1}, extended {2}")
    @CsvSource({
            // the first due date fell on a shorter month's last day: two months more are earlier than three after receipt
            "2027-01-31T10:00:00Z, 2027-02-28T10:00:00Z, 2027-04-28T10:00:00Z",
            "2028-01-31T10:00:00Z, 2028-02-29T10:00:00Z, 2028-04-29T10:00:00Z",
            "2025-01-31T10:00:00Z, 2025-02-28T10:00:00Z, 2025-04-28T10:00:00Z",
            "2024-01-31T10:00:00Z, 2024-02-29T10:00:00Z, 2024-04-29T10:00:00Z",
            "2027-05-31T09:15:00Z, 2027-06-30T09:15:00Z, 2027-08-30T09:15:00Z",
            "2027-08-31T09:15:00Z, 2027-09-30T09:15:00Z, 2027-11-30T09:15:00Z",
            "2027-10-31T09:15:00Z, 2027-11-30T09:15:00Z, 2028-01-30T09:15:00Z",
            // both agree (across a year end, into a leap February or not)
            "2027-11-30T12:00:00Z, 2027-12-30T12:00:00Z, 2028-02-29T12:00:00Z",
            "2026-11-30T12:00:00Z, 2026-12-30T12:00:00Z, 2027-02-28T12:00:00Z",
            "2027-11-29T12:00:00Z, 2027-12-29T12:00:00Z, 2028-02-29T12:00:00Z",
            "2026-11-29T12:00:00Z, 2026-12-29T12:00:00Z, 2027-02-28T12:00:00Z",
            "2024-02-29T08:30:00Z, 2024-03-29T08:30:00Z, 2024-05-29T08:30:00Z",
            "2028-02-29T08:30:00Z, 2028-03-29T08:30:00Z, 2028-05-29T08:30:00Z",
            "2025-03-31T23:59:59Z, 2025-04-30T23:59:59Z, 2025-06-30T23:59:59Z",
            "2027-12-31T00:00:00Z, 2028-01-31T00:00:00Z, 2028-03-31T00:00:00Z",
            "2025-12-15T00:00:00Z, 2026-01-15T00:00:00Z, 2026-03-15T00:00:00Z" })
    void dueOneCalendarMonthAfterReceiptAndExtendedByTwoMonthsAtMostThreeAfterReceipt(String received, String due,
            String extended) {
        OffsetDateTime receivedAt = OffsetDateTime.parse(received);
        assertThat(RequestClock.dueAt(receivedAt)).isEqualTo(OffsetDateTime.parse(due));
        assertThat(RequestClock.extendedDueAt(receivedAt)).isEqualTo(OffsetDateTime.parse(extended));
    }
}
