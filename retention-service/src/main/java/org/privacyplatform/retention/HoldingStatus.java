package org.privacyplatform.retention;

public enum HoldingStatus {
    /** Held, under its rule. */
    HELD,
    /** Its retention ran out; RetentionExpired told the holding system to delete it. */
    EXPIRED,
    /** Erased on the subject's request (Art. 17). */
    ERASED
}
