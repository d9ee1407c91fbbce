package org.privacyplatform.retention;

/** The event a retention clock starts from. */
public enum Anchor {
    COLLECTION,
    LAST_CONTACT,
    CONTRACT_END,
    /** The closing date of the fiscal year in which the anchor date falls (accounting). */
    FISCAL_YEAR_END,
    ALERT_RAISED,
    CASE_CLOSED,
    LISTING,
    UNSUBSCRIBE,
    END_OF_PROCEEDINGS,
    /** The day a subject's erasure completed (audit-evidence: what proves how it was handled). */
    ERASURE_COMPLETED;

    /**
     * Anchors that may not have happened yet when data starts being held, and may never happen: the holding waits for
     * them, at most until its rule's backstop after its last contact.
     */
    public boolean mayBeInTheFuture() {
        return this == CONTRACT_END || this == CASE_CLOSED || this == UNSUBSCRIBE || this == END_OF_PROCEEDINGS;
    }
}
