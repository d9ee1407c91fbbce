package org.privacyplatform.audit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.audit.service.AuditLog;
import org.privacyplatform.commons.events.MalformedEventException;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every topic of the platform, into the log. The log itself is the idempotency record (one leaf per
 * {@code ce_id}); what is not a CloudEvent goes to the topic's {@code .dlq}; database failures are retried.
 */
@ApplicationScoped
public class EventLogConsumer {

    private final AuditLog log;

    public EventLogConsumer(AuditLog log) {
        this.log = log;
    }

    @Incoming("consent-events")
    @Blocking
    @Retry(delay = 1000, maxRetries = 30, abortOn = MalformedEventException.class)
    public void onConsentEvent(ConsumerRecord<String, String> record) {
        log.append(record);
    }

    @Incoming("rights-events")
    @Blocking
    @Retry(delay = 1000, maxRetries = 30, abortOn = MalformedEventException.class)
    public void onRightsEvent(ConsumerRecord<String, String> record) {
        log.append(record);
    }

    @Incoming("retention-events")
    @Blocking
    @Retry(delay = 1000, maxRetries = 30, abortOn = MalformedEventException.class)
    public void onRetentionEvent(ConsumerRecord<String, String> record) {
        log.append(record);
    }
}
