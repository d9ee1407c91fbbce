package org.privacyplatform.rights.service;

import java.time.OffsetDateTime;

/**
 * Art. 12(3): an answer "within one month of receipt", which "may be extended by two further months". Calendar
 * months: a request received on 31 January is due on the last day of February (29th in a leap year).
 * <p>
 * Where the text reads two ways, the subject's reading wins. The extension adds two months to the first due date,
 * and the whole never exceeds three months from receipt: the earlier of the two. Received 31 January 2027, the
 * first due date is 28 February and the extended one 28 April (not 30 April, three months after receipt).
 */
public final class RequestClock {

    private RequestClock() {
    }

    /** One calendar month after receipt. */
    public static OffsetDateTime dueAt(OffsetDateTime receivedAt) {
        return receivedAt.plusMonths(1);
    }

    /**
     * The earlier of the first due date plus two months and receipt plus three months. With calendar months the
     * first is never the later one (a first due date clamped to a month end stays clamped), so the second is the
     * bound the law sets, kept here so that the rule reads as the law does.
     */
    public static OffsetDateTime extendedDueAt(OffsetDateTime receivedAt) {
        OffsetDateTime twoMoreMonths = dueAt(receivedAt).plusMonths(2);
        OffsetDateTime threeMonths = receivedAt.plusMonths(3);
        return twoMoreMonths.isBefore(threeMonths) ? twoMoreMonths : threeMonths;
    }
}
