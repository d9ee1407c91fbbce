package org.privacyplatform.commons.events;

/**
 * A record that is not a platform CloudEvent (missing {@code ce_*} headers, data that is not a JSON object).
 * Never retried: consumers send it to the dead-letter topic and go on.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
