package org.privacyplatform.rights.messaging;

import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.ErasureCompleted;
import org.privacyplatform.commons.events.EventData;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.HoldersNamed;
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
 * The platform services' answers: to an erasure, {@code ErasureCompleted} on {@code consent.events} and
 * {@code retention.events}, each the outcome of the recipient that sent it; to a rectification, the retention service's
 * {@code HoldersNamed}, the systems that must correct the data. Applied once per {@code ce_id}.
 */
@ApplicationScoped
public class PlatformAnswersConsumer {

    private static final Logger LOG = Logger.getLogger(PlatformAnswersConsumer.class);
    /** The answers this consumer applies; every other event on these topics passes without a transaction. */
    static final Set<EventType> ANSWERS = Set.of(EventType.ERASURE_COMPLETED, EventType.HOLDERS_NAMED);

    private final Deliveries deliveries;
    private final RequestService requests;
    private final ObjectMapper json;

    public PlatformAnswersConsumer(Deliveries deliveries, RequestService requests, ObjectMapper json) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.json = json;
    }

    @Incoming("consent-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onConsentEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver("rights-request-service.consent-events", record, ANSWERS, this::apply);
    }

    @Incoming("retention-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onRetentionEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver("rights-request-service.retention-events", record, ANSWERS, this::apply);
    }

    private void apply(CloudEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == EventType.ERASURE_COMPLETED) {
            erasureCompleted(event, EventData.read(json, event, ErasureCompleted.class));
        } else if (type == EventType.HOLDERS_NAMED) {
            holdersNamed(event, EventData.read(json, event, HoldersNamed.class));
        }
    }

    private void erasureCompleted(CloudEvent event, ErasureCompleted completed) {
        UUID requestId = requestId(event, completed.requestId());
        if (!awaited(event, requestId, completed.system())) {
            return;
        }
        if (completed.holders() != null && !completed.holders().isEmpty()) {
            requests.askHolders(requestId, completed.holders());
        }
        boolean keptSomething = completed.kept() != null && !completed.kept().isEmpty();
        requests.reportOutcome(requestId, new RequestService.Outcome(completed.system(),
                keptSomething ? RecipientOutcome.PARTIAL : RecipientOutcome.DONE, json.valueToTree(completed.erased()),
                json.valueToTree(completed.kept()), keptSomething ? keptReason(completed) : null),
                Actor.system(completed.system()));
    }

    /** A partial answer gives its reason (Art. 17(3), 19): what the platform service kept, each on its ground. */
    private static String keptReason(ErasureCompleted completed) {
        String reason = "kept: " + completed.kept().stream().map(k -> k.category() + " (" + k.ground()
                + (k.keptUntil() == null ? "" : ", until " + k.keptUntil()) + ")").collect(java.util.stream.Collectors.joining("; "));
        return reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }

    /** Art. 16, 19: each system named is asked to correct the data; the retention service's own part is done. */
    private void holdersNamed(CloudEvent event, HoldersNamed named) {
        UUID requestId = requestId(event, named.requestId());
        if (!awaited(event, requestId, named.system())) {
            return;
        }
        requests.askHolders(requestId, named.holders());
        requests.reportOutcome(requestId, new RequestService.Outcome(named.system(), RecipientOutcome.DONE, null, null,
                named.holders().isEmpty() ? "no business system registered a holding of the subject's data"
                        : "named the systems that hold the subject's data: " + String.join(", ", named.holders())),
                Actor.system(named.system()));
    }

    private static UUID requestId(CloudEvent event, String requestId) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " names no request id", e);
        }
    }

    /** An answer for a request this service does not hold, or from a system it did not ask, is ignored. */
    private boolean awaited(CloudEvent event, UUID requestId, String system) {
        if (requests.awaits(requestId, system)) {
            return true;
        }
        LOG.warnf("%s %s from %s for request %s awaited by nobody: ignored", event.type(), event.id(), system, requestId);
        return false;
    }
}
