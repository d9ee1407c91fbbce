package org.privacyplatform.consent.messaging;

import org.jboss.logging.Logger;
import org.privacyplatform.commons.schema.SchemaMigrator;
import org.privacyplatform.consent.config.ConsentConfig;
import org.privacyplatform.consent.service.ConsentService;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consents with a validity (cookies: 13 months) lapse: this job marks each lapsed grant EXPIRED and emits
 * {@code ConsentWithdrawn} with reason {@code EXPIRED}, once. The decision API refuses a lapsed grant at
 * once, without waiting for this job. It also deletes the marketing suppression list's rows kept long enough.
 */
@ApplicationScoped
public class ConsentExpiry {

    private static final Logger LOG = Logger.getLogger(ConsentExpiry.class);

    private final ConsentService consents;
    private final ConsentConfig config;
    private final SchemaMigrator schema;

    public ConsentExpiry(ConsentService consents, ConsentConfig config, SchemaMigrator schema) {
        this.consents = consents;
        this.config = config;
        this.schema = schema;
    }

    @Scheduled(every = "${consent.expiry.every:PT1H}", delayed = "PT10S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (schema.isMigrated()) {
            expireLapsedGrants();
            long dropped = consents.dropLapsedSuppressions();
            if (dropped > 0) {
                LOG.infof("%d pseudonyms left the marketing suppression list, kept long enough", dropped);
            }
        }
    }

    /** Expires every lapsed grant, batch by batch; returns how many. */
    public int expireLapsedGrants() {
        int total = 0;
        int batch;
        do {
            batch = consents.expireBatch(config.expiry().batchSize());
            total += batch;
        } while (batch == config.expiry().batchSize());
        if (total > 0) {
            LOG.infof("%d consents lapsed and were marked expired", total);
        }
        return total;
    }
}
