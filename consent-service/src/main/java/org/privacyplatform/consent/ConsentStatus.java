package org.privacyplatform.consent;

/** A subject's current standing on one purpose. */
public enum ConsentStatus {
    /** Consent given (consent purposes), or an objection taken back (legitimate interests). */
    GRANTED,
    /** Consent withdrawn (Art. 7(3)). */
    WITHDRAWN,
    /** Objection to a legitimate-interest purpose (Art. 21). */
    OBJECTED,
    /** The consent's validity ran out. */
    EXPIRED
}
