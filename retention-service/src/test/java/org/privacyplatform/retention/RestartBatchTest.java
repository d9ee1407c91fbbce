package org.privacyplatform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.retention.service.HoldingService;
import org.privacyplatform.retention.service.LegalHoldService;
import org.privacyplatform.retention.service.RetentionSweep;
import org.privacyplatform.retention.service.RuleService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Restarts and self-lifting holds beyond one batch: a category hold over more than 1,000 holdings, a dozen holds ending. */
@QuarkusTest
class RestartBatchTest {

    @Inject
    HoldingService holdings;

    @Inject
    LegalHoldService legalHolds;

    @Inject
    RuleService rules;

    @Inject
    RetentionSweep sweep;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void liftingACategoryHoldRestartsEveryHoldingPastTheFirstBatch() {
        clock.set(Instant.parse("2024-02-29T08:00:00Z"));
        String rule = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        rules.change(new RuleService.RuleChange(rule, rule, "d", Anchor.COLLECTION, "P1M", EndAction.DELETE, null, null,
                false, "test", null, true, null));
        for (int i = 0; i < 2_345; i++) {
            holdings.register(new HoldingService.RegisterHolding("batch-subject-" + (i % 40), rule, "lms", "item-" + i,
                    LocalDate.parse("2023-01-31")));
        }
        var hold = legalHolds.place(new LegalHoldService.PlaceHold(null, rule, "CASE-B", "class action", null));

        legalHolds.lift(hold.id);

        assertThat(dueDates(rule)).containsExactly(List.of("2029-02-28", 2_345L));
    }

    @Test
    void aSweepLiftsEveryHoldWhoseEndIsOverHoweverMany() {
        clock.set(Instant.parse("2025-12-31T08:00:00Z"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(legalHolds.place(new LegalHoldService.PlaceHold("ending-" + UUID.randomUUID(), null, "CASE-" + i, "appeal",
                    LocalDate.parse("2025-12-31"))).id);
        }

        // they stand through 31 December; 23:00 UTC is 00:00 on 1 January in Paris
        clock.set(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(sweep.sweep().holdsLifted()).isGreaterThanOrEqualTo(23);

        Number standing = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "select count(*) from legal_hold where id in (:ids) and (lifted_at is null or ends_on <> date '2025-12-31')")
                .setParameter("ids", ids).getSingleResult());
        assertThat(standing.longValue()).isZero();
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> dueDates(String category) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select cast(due_on as text), count(*) from holding where category = ?1 group by due_on")
                .setParameter(1, category).getResultList());
        return rows.stream().map(r -> List.<Object>of(r[0], ((Number) r[1]).longValue())).toList();
    }
}
