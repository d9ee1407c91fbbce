package org.privacyplatform.commons.security;

/** The realm roles of the platform (token claim {@code realm_access.roles}). */
public final class Roles {

    /** A person, via the frontend: only their own subject id (the token's {@code sub}). */
    public static final String DATA_SUBJECT = "data-subject";
    /** Another platform service, with client credentials. */
    public static final String SERVICE = "service";
    /** The data protection officer. */
    public static final String DPO = "dpo";
    /** An internal or external auditor: reads the audit log. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
