package org.privacyplatform.rights.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.ErasureCompleted;
import org.privacyplatform.commons.events.EventData;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.MalformedEventException;
import org.privacyplatform.commons.messaging.Deliveries;
import org.privacyplatform.commons.security.Actor;
import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.service.RequestService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform services' answers to an erasure: {@code ErasureCompleted} on {@code consent.events} and
 * {@code retention.events}, each the outcome of the recipient that sent it. Applied once per {@code ce_id}.
 */
@ApplicationScoped
public class ErasureOutcomeConsumer {

    private static final Logger LOG = Logger.getLogger(ErasureOutcomeConsumer.class);

    private final Deliveries deliveries;
    private final RequestService requests;
    private final ObjectMapper json;

    public ErasureOutcomeConsumer(Deliveries deliveries, RequestService requests, ObjectMapper json) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.json = json;
    }

    @Incoming("consent-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onConsentEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver("rights-request-service.consent-events", record, this::apply);
    }

    @Incoming("retention-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onRetentionEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver("rights-request-service.retention-events", record, this::apply);
    }

    private void apply(CloudEvent event) {
        if (event.eventType().orElse(null) != EventType.ERASURE_COMPLETED) {
            return;
        }
        ErasureCompleted completed = EventData.read(json, event, ErasureCompleted.class);
        UUID requestId;
        try {
            requestId = UUID.fromString(completed.requestId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("ErasureCompleted " + event.id() + " names no request id", e);
        }
        if (!requests.awaits(requestId, completed.system())) {
            // an answer for a request this service does not hold, or from a system it did not ask
            LOG.warnf("ErasureCompleted %s from %s for request %s awaited by nobody: ignored", event.id(),
                    completed.system(), requestId);
            return;
        }
        if (completed.holders() != null && !completed.holders().isEmpty()) {
            requests.askHolders(requestId, completed.holders());
        }
        boolean keptSomething = completed.kept() != null && !completed.kept().isEmpty();
        requests.reportOutcome(requestId, new RequestService.Outcome(completed.system(),
                keptSomething ? RecipientOutcome.PARTIAL : RecipientOutcome.DONE, json.valueToTree(completed.erased()),
                json.valueToTree(completed.kept()), null), Actor.system(completed.system()));
    }
}
