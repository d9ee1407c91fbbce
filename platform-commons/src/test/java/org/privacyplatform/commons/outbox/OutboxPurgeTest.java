package org.privacyplatform.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Published outbox rows and processed-event rows go after privacy.outbox.purge-after (P7D); nothing unpublished does. */
@QuarkusTest
class OutboxPurgeTest {

    @Inject
    OutboxPurge purge;

    @Inject
    EntityManager entityManager;

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
    }

    private String outboxRow(OffsetDateTime occurredAt, OffsetDateTime publishedAt, OffsetDateTime refusedAt) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, event_type, message_key, subject_id, source, occurred_at, payload,
                                          published_at, refused_at)
                values (?1, 'commons-test.purge', 'ConsentGranted', 'subject-x', 'subject-x', '/platform-commons-test', ?2,
                        '{}', ?3, ?4)""").setParameter(1, id).setParameter(2, occurredAt).setParameter(3, publishedAt)
                .setParameter(4, refusedAt).executeUpdate());
        return id;
    }

    private String processedRow(OffsetDateTime processedAt) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at) values ('purge-test', ?1,
                'ConsentGranted', ?2)""").setParameter(1, id).setParameter(2, processedAt).executeUpdate());
        return id;
    }

    private boolean exists(String table, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table + " where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue() > 0);
    }

    @Test
    void rowsOlderThanTheHorizonGoAndEverythingElseStays() {
        String oldPublished = outboxRow(daysAgo(9), daysAgo(8), null);
        String oldRefused = outboxRow(daysAgo(9), null, daysAgo(8));
        String recentPublished = outboxRow(daysAgo(2), daysAgo(1), null);
        String oldUnpublished = outboxRow(daysAgo(30), null, null);
        String oldProcessed = processedRow(daysAgo(8));
        String recentProcessed = processedRow(daysAgo(6));

        OutboxPurge.Purged purged = purge.purge();

        assertThat(purged.outboxEvents()).isGreaterThanOrEqualTo(2);
        assertThat(purged.processedEvents()).isGreaterThanOrEqualTo(1);
        assertThat(exists("outbox_event", oldPublished)).isFalse();
        assertThat(exists("outbox_event", oldRefused)).isFalse();
        assertThat(exists("processed_event", oldProcessed)).isFalse();
        // what is younger than the horizon, and what was never sent, stays
        assertThat(exists("outbox_event", recentPublished)).isTrue();
        assertThat(exists("outbox_event", oldUnpublished)).isTrue();
        assertThat(exists("processed_event", recentProcessed)).isTrue();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_event where event_id = ?1").setParameter(1, oldUnpublished).executeUpdate());
    }

    @Test
    void twoInstancesPurgingAtOnceDeleteEachRowOnce() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                select 'purge-race', gen_random_uuid()::text, 'ConsentGranted', now() - interval '10 days'
                from generate_series(1, 12000)""").executeUpdate());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<OutboxPurge.Purged>> runs = List.of(
                    CompletableFuture.supplyAsync(purge::purge, pool), CompletableFuture.supplyAsync(purge::purge, pool));
            long deleted = 0;
            for (CompletableFuture<OutboxPurge.Purged> run : runs) {
                deleted += run.get().processedEvents();
            }
            assertThat(deleted).isGreaterThanOrEqualTo(12000);
        } finally {
            pool.shutdown();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = 'purge-race'").getSingleResult())
                .longValue())).isZero();
    }
}
