package org.privacyplatform.audit.messaging;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.audit.service.AuditLog;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every topic of the platform, into the log, a polled batch at a time (one transaction per batch). The log
 * itself is the idempotency record (one leaf per {@code ce_id}); what is not a CloudEvent goes to the topic's
 * {@code .dlq}, record by record; a failure of the database or the broker is retried for as long as it
 * lasts, the batch's offsets uncommitted, so no good event is ever set aside.
 */
@ApplicationScoped
public class EventLogConsumer {

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
        deadLetters.send(log.append(batch).rejected());
    }
}
