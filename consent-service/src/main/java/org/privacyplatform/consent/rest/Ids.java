package org.privacyplatform.consent.rest;

import java.util.regex.Pattern;

/** Shapes of the identifiers in this service's paths. */
final class Ids {

    static final String PURPOSE_ID = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String PURPOSE_ID_MESSAGE = "must be 1-64 characters of lower-case letters, digits and '-'";
    private static final Pattern PURPOSE_ID_COMPILED = Pattern.compile(PURPOSE_ID);

    /**
     * Whether {@code @Pattern(regexp = PURPOSE_ID)} accepts {@code value}, without Bean Validation (for the decision
     * API); unlike the annotation, null is refused.
     */
    static boolean isPurposeId(String value) {
        return value != null && PURPOSE_ID_COMPILED.matcher(value).matches();
    }

    private Ids() {
    }
}
