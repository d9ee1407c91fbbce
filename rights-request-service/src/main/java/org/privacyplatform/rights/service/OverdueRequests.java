package org.privacyplatform.rights.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.privacyplatform.commons.schema.SchemaMigrator;
import org.privacyplatform.rights.repository.RequestRepository;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The number of open requests past their due date, as the metric {@code rights_requests_overdue}. */
@ApplicationScoped
public class OverdueRequests {

    private final RequestRepository requests;
    private final Clock clock;
    private final SchemaMigrator schema;
    private final AtomicLong overdue = new AtomicLong();

    public OverdueRequests(RequestRepository requests, Clock clock, SchemaMigrator schema, MeterRegistry registry) {
        this.requests = requests;
        this.clock = clock;
        this.schema = schema;
        // a strong reference: the gauge must never read NaN and drop out of the scrape once a collection ran
        Gauge.builder("rights.requests.overdue", overdue, AtomicLong::get).strongReference(true)
                .description("open requests past their Art. 12(3) due date").register(registry);
    }

    @Scheduled(every = "PT1M", delayed = "PT5S")
    void refresh() {
        if (schema.isMigrated()) {
            count();
        }
    }

    /** Recounts now (also what the metric will show). */
    public long count() {
        long now = QuarkusTransaction.requiringNew().call(() -> requests.countOverdue(OffsetDateTime.now(clock)));
        overdue.set(now);
        return now;
    }
}
