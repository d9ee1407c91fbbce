package org.privacyplatform.commons.inbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.events.CloudEvent;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent consumer: applies an event's effect only on its first delivery. The processed-event row
 * and the effect commit in one transaction, so a crash between them re-delivers and re-applies cleanly,
 * and a second delivery of the same {@code ce_id} changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final MeterRegistry registry;

    public Inbox(EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Runs {@code effect} in the current (or a new) transaction unless {@code consumer} has already applied
     * this event. Returns whether the effect ran. Concurrent deliveries of one event serialise on the
     * primary key: the second waits for the first to commit, then finds the row and skips.
     */
    @Transactional
    public boolean apply(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        // plain JDBC on the transaction's connection: one statement, no Hibernate query (nor its flush) around it
        int inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, event_type, processed_at)
                    values (?, ?, ?, ?)
                    on conflict do nothing""")) {
                insert.setString(1, consumer);
                insert.setString(2, event.id());
                insert.setString(3, event.type());
                insert.setObject(4, OffsetDateTime.now(clock));
                return insert.executeUpdate();
            }
        });
        if (inserted == 0) {
            LOG.debugf("%s skips event %s (%s): already applied", consumer, event.id(), event.type());
            registry.counter("platform.inbox.duplicates", "consumer", consumer).increment();
            return false;
        }
        effect.accept(event);
        registry.counter("platform.inbox.applied", "consumer", consumer, "type", event.type()).increment();
        return true;
    }
}
