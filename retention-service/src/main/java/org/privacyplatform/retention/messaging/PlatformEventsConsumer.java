package org.privacyplatform.retention.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.ConsentWithdrawn;
import org.privacyplatform.commons.events.ErasureRequested;
import org.privacyplatform.commons.events.EventData;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.ProcessingRestricted;
import org.privacyplatform.commons.events.RequestEvent;
import org.privacyplatform.commons.events.RestrictionLifted;
import org.privacyplatform.commons.messaging.Deliveries;
import org.privacyplatform.retention.service.HoldingService;
import org.privacyplatform.commons.time.ParisDay;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code ConsentWithdrawn} makes what was kept on that consent fall due; {@code ErasureRequested} erases what
 * no statutory period protects; an erasure's {@code RequestCompleted} keys what is kept by the pseudonym and holds
 * the evidence (rule {@code audit-evidence}). Each event is applied once; unreadable ones go to the topic's {@code .dlq}.
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    public static final String CONSENT_CHANNEL = "consent-events";
    public static final String RIGHTS_CHANNEL = "rights-events";
    /** What this service applies of consent.events; a grant (most of the traffic) passes without a transaction. */
    static final Set<EventType> WITHDRAWALS = Set.of(EventType.CONSENT_WITHDRAWN);

    private final Deliveries deliveries;
    private final HoldingService holdings;
    private final ObjectMapper json;

    public PlatformEventsConsumer(Deliveries deliveries, HoldingService holdings, ObjectMapper json) {
        this.deliveries = deliveries;
        this.holdings = holdings;
        this.json = json;
    }

    @Incoming(CONSENT_CHANNEL)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onConsentEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver("retention-service.consent-events", record, WITHDRAWALS, event -> {
            ConsentWithdrawn withdrawn = EventData.read(json, event, ConsentWithdrawn.class);
            holdings.consentWithdrawn(withdrawn.subjectId(), withdrawn.purposeId(), ParisDay.of(withdrawn.withdrawnAt()));
        });
    }

    @Incoming(RIGHTS_CHANNEL)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0) // infrastructure failures only, while they last
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void onRightsEvent(ConsumerRecord<String, String> record) {
        deliveries.deliver("retention-service.rights-events", record, this::applyRightsEvent);
    }

    private void applyRightsEvent(CloudEvent event) {
        event.eventType().ifPresent(type -> {
            switch (type) {
                case ERASURE_REQUESTED -> {
                    ErasureRequested erasure = EventData.read(json, event, ErasureRequested.class);
                    holdings.erase(erasure.subjectId(), erasure.requestId());
                }
                case REQUEST_COMPLETED -> {
                    RequestEvent completed = EventData.read(json, event, RequestEvent.class);
                    if (erasureCompleted(completed)) {
                        holdings.erasureCompleted(completed.subjectId(),
                                ParisDay.of(completed.at()));
                    }
                }
                case PROCESSING_RESTRICTED -> {
                    ProcessingRestricted restriction = EventData.read(json, event, ProcessingRestricted.class);
                    holdings.restrict(restriction.subjectId(), restriction.requestId(), restriction.restrictedAt());
                }
                case RESTRICTION_LIFTED -> holdings.liftRestriction(
                        EventData.read(json, event, RestrictionLifted.class).subjectId());
                case RECTIFICATION_REQUESTED -> {
                    RequestEvent rectification = EventData.read(json, event, RequestEvent.class);
                    holdings.nameHolders(rectification.subjectId(), rectification.requestId());
                }
                default -> {
                    // other request events concern other services
                }
            }
        });
    }

    /** An erasure request answered: every recipient erased, or erased what it could and kept the rest. */
    static boolean erasureCompleted(RequestEvent event) {
        return "ERASURE".equals(event.type())
                && ("COMPLETED".equals(event.status()) || "PARTIALLY_COMPLETED".equals(event.status()));
    }
}
