package org.privacyplatform.rights;

/** The rights a request exercises (GDPR Art. 15-22, and the French post-mortem directives). */
public enum RequestType {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    PORTABILITY,
    OBJECTION,
    POST_MORTEM_INSTRUCTIONS;

    /** Whether the recipients of Art. 19 must hear of it. */
    public boolean concernsRecipients() {
        return this == ERASURE || this == RECTIFICATION || this == RESTRICTION;
    }
}
