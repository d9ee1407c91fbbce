package org.privacyplatform.consent.rest;

/** Shapes of the identifiers in this service's paths. */
final class Ids {

    static final String PURPOSE_ID = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String PURPOSE_ID_MESSAGE = "must be 1-64 characters of lower-case letters, digits and '-'";

    private Ids() {
    }
}
