package org.privacyplatform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.privacyplatform.retention.service.HoldingService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Sweeps running at the same time, as two instances would: each due holding gets exactly one RetentionExpired. */
@QuarkusTest
class ConcurrentSweepTest {

    @Inject
    HoldingService holdings;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentSweepsExpireEachHoldingExactlyOnce() throws Exception {
        String subjectPrefix = "sweep-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(holdings.register(new HoldingService.RegisterHolding(subjectPrefix + (i % 30), "call-recording", "pbx",
                    "call-" + i, LocalDate.parse("2024-01-01"))).scheduled().holding().id.toString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                sweeps.add(() -> {
                    int total = 0;
                    int batch;
                    do {
                        batch = holdings.expireDue(7);
                        total += batch;
                    } while (batch > 0);
                    return total;
                });
            }
            int expiredBySweeps = 0;
            for (Future<Integer> done : pool.invokeAll(sweeps)) {
                expiredBySweeps += done.get();
            }
            assertThat(expiredBySweeps).isGreaterThanOrEqualTo(300);
        } finally {
            pool.shutdown();
        }

        @SuppressWarnings("unchecked")
        List<Object[]> counts = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select cast(payload as jsonb) ->> 'holdingId', count(*) from outbox_event
                where event_type = 'RetentionExpired' and subject_id like ?1
                group by 1""").setParameter(1, subjectPrefix + "%").getResultList());
        Map<String, Long> perHolding = counts.stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
        assertThat(perHolding.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(perHolding.values()).allMatch(count -> count == 1L);
    }
}
