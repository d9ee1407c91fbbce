package org.privacyplatform.commons.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.jboss.logging.Logger;
import org.privacyplatform.commons.PlatformConfig;
import org.privacyplatform.commons.db.AdvisoryLocks;
import org.privacyplatform.commons.schema.SchemaMigrator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Storage limitation for the platform's own plumbing: outbox rows published (or refused by the broker) and
 * processed-event rows older than {@code privacy.outbox.purge-after} (7 days by default) are deleted, every
 * {@code privacy.outbox.purge-every}. Each batch is one short transaction under a PostgreSQL advisory lock: of several
 * instances purging at once, one deletes and the others leave it to it, and a purge never holds the relay or a
 * consumer up for long. Only DELETE is needed (no row locks: FOR UPDATE would need UPDATE on the inbox, which a
 * least-privilege login such as the audit service's lacks). Unpublished events are never purged.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    /** What one purge deleted. */
    public record Purged(long outboxEvents, long processedEvents) {
    }

    private final EntityManager entityManager;
    private final PlatformConfig.Outbox config;
    private final SchemaMigrator schema;
    private final Clock clock;
    private final Counter purgedOutbox;
    private final Counter purgedInbox;

    public OutboxPurge(EntityManager entityManager, PlatformConfig config, SchemaMigrator schema, Clock clock,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config.outbox();
        this.schema = schema;
        this.clock = clock;
        this.purgedOutbox = Counter.builder("privacy.outbox.purged").description("published outbox rows purged")
                .register(registry);
        this.purgedInbox = Counter.builder("privacy.inbox.purged").description("processed-event rows purged")
                .register(registry);
    }

    @Scheduled(every = "${privacy.outbox.purge-every:PT1H}", delayed = "PT10S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (schema.isMigrated()) {
            purge();
        }
    }

    /** Deletes everything older than the horizon, batch by batch; returns how many rows of each kind went. */
    public Purged purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.purgeAfter());
        long outbox = drain("""
                delete from outbox_event where id in (select id from outbox_event
                    where (published_at < ?1 or refused_at < ?1) limit ?2)""", cutoff);
        long inbox = drain("""
                delete from processed_event where (consumer, event_id) in (select consumer, event_id from processed_event
                    where processed_at < ?1 limit ?2)""", cutoff);
        purgedOutbox.increment(outbox);
        purgedInbox.increment(inbox);
        if (outbox + inbox > 0) {
            LOG.infof("purged %d outbox and %d processed-event rows older than %s", outbox, inbox, config.purgeAfter());
        }
        return new Purged(outbox, inbox);
    }

    private long drain(String statement, OffsetDateTime cutoff) {
        long total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                if (!AdvisoryLocks.tryLock(entityManager, "outbox_purge")) {
                    return 0; // another instance is purging this database right now
                }
                return entityManager.createNativeQuery(statement).setParameter(1, cutoff)
                        .setParameter(2, config.purgeBatchSize()).executeUpdate();
            });
            total += batch;
        } while (batch == config.purgeBatchSize());
        return total;
    }
}
