package org.privacyplatform.audit.messaging;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.audit.service.AuditLog;
import org.privacyplatform.commons.messaging.DeadLetters;
import org.privacyplatform.commons.messaging.DeadLetters.DeadLetter;
import org.privacyplatform.commons.messaging.Failures;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every topic of the platform, into the log, a polled batch at a time (one transaction per batch). The log
 * itself is the idempotency record (one leaf per {@code ce_id}); what breaks the event contract goes to the
 * topic's {@code .dlq}, record by record, and so does a record the database refuses (found by appending the batch
 * again one record at a time); a failure of the database or the broker is retried for as long as it lasts, the
 * batch's offsets uncommitted, so no good event is ever set aside.
 */
@ApplicationScoped
public class EventLogConsumer {

    static final String CONSUMER = "audit-service";

    private final AuditLog log;
    private final DeadLetters deadLetters;

    public EventLogConsumer(AuditLog log, DeadLetters deadLetters) {
        this.log = log;
        this.deadLetters = deadLetters;
    }

    @Incoming("consent-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void onConsentEvents(ConsumerRecords<String, String> records) {
        append(records);
    }

    @Incoming("rights-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void onRightsEvents(ConsumerRecords<String, String> records) {
        append(records);
    }

    @Incoming("retention-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void onRetentionEvents(ConsumerRecords<String, String> records) {
        append(records);
    }

    private void append(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        append(batch);
    }

    private void append(List<ConsumerRecord<String, String>> batch) {
        AuditLog.Appended appended;
        try {
            appended = log.append(batch);
        } catch (RuntimeException e) {
            if (Failures.isInfrastructure(e)) {
                throw e;
            }
            if (batch.size() == 1) {
                deadLetters.send(CONSUMER, batch.get(0), Failures.reason(e), e);
                return;
            }
            // the database refused something in the batch: one record at a time, so only that one is set aside
            batch.forEach(record -> append(List.of(record)));
            return;
        }
        deadLetters.sendAll(CONSUMER, appended.rejected().stream()
                .map(r -> new DeadLetter(r.record(), r.reason().getMessage(), r.reason())).toList());
    }
}
