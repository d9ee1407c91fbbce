package org.privacyplatform.portal.console;

import java.util.UUID;
import java.util.regex.Pattern;


/** The bounds of what the console's forms accept, checked before anything reaches a platform service. */
final class Forms {

    /** A subject id as the services take it. */
    static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** A recipient, category, purpose or rule id. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    static final Pattern HOLD_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final int SHORT = 200;
    static final int LONG = 2000;

    private Forms() {
    }

    /** Free text, trimmed; null when blank and not required; refused when longer than max. */
    static String text(String value, int max, boolean required) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                throw ConsoleProblem.badRequest("form_missing");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw ConsoleProblem.badRequest("form_too_long");
        }
        return trimmed;
    }

    static String matching(String value, Pattern pattern, boolean required) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() && !required) {
            return null;
        }
        if (!pattern.matcher(trimmed).matches()) {
            throw ConsoleProblem.badRequest("form_invalid");
        }
        return trimmed;
    }

    static String requestId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConsoleProblem(404, "no_such_request");
        }
    }

    /** A value that must be one of a fixed set (a select's options). */
    static String oneOf(String value, java.util.Collection<String> allowed, boolean required) {
        if ((value == null || value.isBlank()) && !required) {
            return null;
        }
        if (value == null || !allowed.contains(value)) {
            throw ConsoleProblem.badRequest("form_invalid");
        }
        return value;
    }
}
