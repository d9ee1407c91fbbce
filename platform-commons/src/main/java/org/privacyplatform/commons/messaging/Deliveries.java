package org.privacyplatform.commons.messaging;

import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventContract;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.RejectedEventException;
import org.privacyplatform.commons.inbox.Inbox;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How every consumer of the platform takes a record: the event contract first, then the effect once (inbox).
 * A record that breaks the contract, or whose effect the database or a rule refuses, goes to the topic's
 * {@code .dlq} with the reason, and the consumer goes on: no record of any shape stalls a partition. Only an
 * infrastructure failure is thrown, for the caller's {@code @Retry} to try again while it lasts.
 */
@ApplicationScoped
public class Deliveries {

    private final EventContract contract;
    private final Inbox inbox;
    private final DeadLetters deadLetters;

    public Deliveries(EventContract contract, Inbox inbox, DeadLetters deadLetters) {
        this.contract = contract;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    /** Applies {@code effect} once for {@code consumer}, or sets the record aside; returns whether it ran. */
    public boolean deliver(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> effect) {
        return deliver(consumer, record, null, effect);
    }

    /**
     * As {@link #deliver(String, ConsumerRecord, Consumer)} for a consumer that acts on {@code applies} alone: a record
     * of another type is still checked against the contract (one that breaks it is set aside), then passed over
     * without a database transaction, since it has no effect to apply once. {@code applies} null: every type.
     */
    public boolean deliver(String consumer, ConsumerRecord<String, String> record, Set<EventType> applies,
            Consumer<CloudEvent> effect) {
        CloudEvent event;
        try {
            event = contract.accept(record);
        } catch (RejectedEventException e) {
            deadLetters.send(consumer, record, e.getMessage(), e);
            return false;
        }
        if (applies != null && !event.eventType().map(applies::contains).orElse(false)) {
            return false;
        }
        try {
            return inbox.apply(consumer, event, effect);
        } catch (RuntimeException e) {
            if (Failures.isInfrastructure(e)) {
                throw e;
            }
            deadLetters.send(consumer, record, Failures.reason(e), e);
            return false;
        }
    }
}
