package org.privacyplatform.retention.rest;

final class Ids {

    static final String SLUG = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String SLUG_MESSAGE = "must be 1-64 characters of lower-case letters, digits and '-'";

    private Ids() {
    }
}
