package org.privacyplatform.commons.outbox;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The oldest unpublished events, in the order they were written. */
    public List<OutboxEvent> nextBatch(int size) {
        return find("publishedAt is null and refusedAt is null order by id").page(0, size).list();
    }

    /** Sets an event aside for good, with the broker's reason: the relay never sends it again. */
    public void markRefused(long id, OffsetDateTime at, String reason) {
        update("refusedAt = ?1, refusal = ?2 where id = ?3", at,
                reason.length() > 500 ? reason.substring(0, 500) : reason, id);
    }

    public long countRefused() {
        return count("refusedAt is not null");
    }

    public int markPublished(List<Long> ids, OffsetDateTime at) {
        return update("publishedAt = ?1 where id in ?2", at, ids);
    }

    /**
     * Only one relay in the whole cluster publishes at a time (per database), which keeps the per-subject
     * order across several instances of a service. The lock ends with the transaction.
     */
    public boolean tryRelayLock() {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('outbox_relay'))")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
