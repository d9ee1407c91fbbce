package org.privacyplatform.commons.events;

/**
 * A record a consumer refuses for good: it breaks the event contract (wrong type for the topic, a source that is
 * not the topic's owner, a subject that differs from the data's, data that fails its schema) or the database
 * refuses what it carries. Never retried: it goes to the topic's {@code .dlq} once, with this message as the
 * reason, and the consumer goes on.
 */
public class RejectedEventException extends MalformedEventException {

    public RejectedEventException(String message) {
        super(message);
    }

    public RejectedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
