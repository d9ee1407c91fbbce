package org.privacyplatform.commons.outbox;

/** Fired when an event enters the outbox; observed after commit to wake the relay without waiting for its poll. */
public record OutboxWritten(String eventId) {
}
