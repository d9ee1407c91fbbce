package org.privacyplatform.rights.service;

import java.time.OffsetDateTime;

/**
 * Art. 12(3): an answer within one month of receipt, extendable once by two further months. Calendar months:
 * a request received on 31 January is due on the last day of February (29th in a leap year).
 */
public final class RequestClock {

    private RequestClock() {
    }

    public static OffsetDateTime dueAt(OffsetDateTime receivedAt) {
        return receivedAt.plusMonths(1);
    }

    /** One month plus two: three calendar months after receipt. */
    public static OffsetDateTime extendedDueAt(OffsetDateTime receivedAt) {
        return receivedAt.plusMonths(3);
    }
}
