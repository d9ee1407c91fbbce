package org.privacyplatform.retention.service;

import org.jboss.logging.Logger;
import org.privacyplatform.commons.schema.SchemaMigrator;
import org.privacyplatform.retention.config.RetentionConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lifts the legal holds whose end date came (restarting the limitation periods they suspended), then expires every
 * due holding that no legal hold keeps, one {@code RetentionExpired} each, batch by batch.
 * Scheduled ({@code retention.sweep.every}) and on demand for the DPO ({@code POST /sweeps}); several sweeps,
 * here or in other instances, may run at once without expiring anything twice.
 */
@ApplicationScoped
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);

    /** Ended holds lifted per transaction: each may restart a whole category, in batches of its own. */
    private static final int HOLDS_PER_TRANSACTION = 10;

    private final HoldingService holdings;
    private final LegalHoldService legalHolds;
    private final RetentionConfig config;
    private final SchemaMigrator schema;
    private final Counter expiredCounter;

    public RetentionSweep(HoldingService holdings, LegalHoldService legalHolds, RetentionConfig config,
            SchemaMigrator schema, MeterRegistry registry) {
        this.holdings = holdings;
        this.legalHolds = legalHolds;
        this.config = config;
        this.schema = schema;
        this.expiredCounter = Counter.builder("retention.holdings.expired").description("holdings expired by sweeps")
                .register(registry);
    }

    @Scheduled(every = "${retention.sweep.every:PT1H}", delayed = "PT30S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (schema.isMigrated()) {
            sweep();
        }
    }

    /** What a sweep did. */
    public record Swept(int holdsLifted, int expired) {
    }

    /** Runs a sweep to the end: first the holds whose end came, so that what they kept is rescheduled before expiry. */
    public Swept sweep() {
        int lifted = 0;
        int holds;
        do {
            holds = legalHolds.liftEnded(HOLDS_PER_TRANSACTION);
            lifted += holds;
        } while (holds == HOLDS_PER_TRANSACTION);
        if (lifted > 0) {
            LOG.infof("retention sweep lifted %d legal holds whose end date came", lifted);
        }
        int total = 0;
        int batch;
        do {
            batch = holdings.expireDue(config.sweep().batchSize());
            total += batch;
        } while (batch == config.sweep().batchSize());
        expiredCounter.increment(total);
        if (total > 0) {
            LOG.infof("retention sweep expired %d holdings", total);
        }
        return new Swept(lifted, total);
    }
}
