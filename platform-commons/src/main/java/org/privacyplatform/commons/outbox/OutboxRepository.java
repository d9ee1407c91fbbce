package org.privacyplatform.commons.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;

import org.privacyplatform.commons.db.AdvisoryLocks;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /**
     * The oldest unpublished events, in the order they were written: read with plain JDBC, not managed by the
     * session (the relay only reads them, then marks them with {@link #markPublished}).
     */
    public List<OutboxEvent> nextBatch(int size) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, event_id, topic, event_type, message_key, subject_id, source, occurred_at, payload
                    from outbox_event where published_at is null and refused_at is null order by id limit ?""")) {
                select.setInt(1, size);
                List<OutboxEvent> batch = new ArrayList<>(size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OutboxEvent event = new OutboxEvent();
                        event.id = rows.getLong(1);
                        event.eventId = rows.getString(2);
                        event.topic = rows.getString(3);
                        event.eventType = rows.getString(4);
                        event.messageKey = rows.getString(5);
                        event.subjectId = rows.getString(6);
                        event.source = rows.getString(7);
                        event.occurredAt = rows.getObject(8, OffsetDateTime.class);
                        event.payload = rows.getString(9);
                        batch.add(event);
                    }
                }
                return batch;
            }
        });
    }

    /** Sets an event aside for good, with the broker's reason: the relay never sends it again. */
    public void markRefused(long id, OffsetDateTime at, String reason) {
        update("refusedAt = ?1, refusal = ?2 where id = ?3", at,
                reason.length() > 500 ? reason.substring(0, 500) : reason, id);
    }

    public long countRefused() {
        return count("refusedAt is not null");
    }

    /** Marks the events published, in one statement whatever their number. */
    public int markPublished(List<Long> ids, OffsetDateTime at) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set published_at = ? where id = any(?)")) {
                update.setObject(1, at);
                update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                return update.executeUpdate();
            }
        });
    }

    /**
     * Only one relay in the whole cluster publishes at a time (per database), which keeps the per-subject
     * order across several instances of a service. The lock ends with the transaction.
     */
    public boolean tryRelayLock() {
        return AdvisoryLocks.tryLock(getEntityManager(), "outbox_relay");
    }
}
