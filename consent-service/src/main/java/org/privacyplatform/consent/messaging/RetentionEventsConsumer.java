package org.privacyplatform.consent.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventData;
import org.privacyplatform.commons.events.RetentionExpired;
import org.privacyplatform.commons.events.RetentionRuleChanged;
import org.privacyplatform.commons.messaging.Deliveries;
import org.privacyplatform.consent.service.ConsentService;
import org.privacyplatform.consent.service.RetentionRuleService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the retention service decides and the consent service must apply: when an erased subject's evidence
 * (category {@code audit-evidence}, held under their pseudonym) falls due, the consent proof kept under that
 * pseudonym is destroyed; and each rule's period, which the privacy notice and the Art. 30 record show. Each event is applied once (inbox); what breaks the event contract goes to
 * {@code retention.events.dlq}.
 */
@ApplicationScoped
public class RetentionEventsConsumer {

    public static final String CHANNEL = "retention-events";
    static final String CONSUMER = "consent-service.retention-events";
    /** The retention category of an erased subject's evidence (the retention service's rule audit-evidence). */
    public static final String AUDIT_EVIDENCE = "audit-evidence";

    private final Deliveries deliveries;
    private final ConsentService consents;
    private final RetentionRuleService rules;
    private final ObjectMapper json;

    public RetentionEventsConsumer(Deliveries deliveries, ConsentService consents, RetentionRuleService rules,
            ObjectMapper json) {
        this.deliveries = deliveries;
        this.consents = consents;
        this.rules = rules;
        this.json = json;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver(CONSUMER, record, this::apply);
    }

    private void apply(CloudEvent event) {
        switch (event.eventType().orElseThrow()) {
            case RETENTION_EXPIRED -> {
                RetentionExpired expired = EventData.read(json, event, RetentionExpired.class);
                if (AUDIT_EVIDENCE.equals(expired.category())) {
                    consents.destroyProof(expired.subjectId());
                }
            }
            // the notice and the Art. 30 record show the rules' periods (a read model of the retention service's rules)
            case RETENTION_RULE_CHANGED -> rules.apply(EventData.readAboutNoSubject(json, event, RetentionRuleChanged.class));
            default -> {
                // legal holds concern the retention service's own holdings
            }
        }
    }
}
