package org.privacyplatform.consent.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.ErasureRequested;
import org.privacyplatform.commons.events.EventData;
import org.privacyplatform.commons.events.ObjectionRecorded;
import org.privacyplatform.commons.events.ProcessingRestricted;
import org.privacyplatform.commons.events.RestrictionLifted;
import org.privacyplatform.commons.messaging.Deliveries;
import org.privacyplatform.consent.service.ConsentService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the rights-request service decides and the consent service must apply: erasure, restriction and
 * its lifting, objections. Each event is applied once (inbox); what cannot be read goes to
 * {@code rights.events.dlq}; a failure of the database is retried before the event is given up.
 */
@ApplicationScoped
public class RightsEventsConsumer {

    public static final String CHANNEL = "rights-events";
    static final String CONSUMER = "consent-service.rights-events";

    private final Deliveries deliveries;
    private final ConsentService consents;
    private final ObjectMapper json;

    public RightsEventsConsumer(Deliveries deliveries, ConsentService consents, ObjectMapper json) {
        this.deliveries = deliveries;
        this.consents = consents;
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
        event.eventType().ifPresent(type -> {
            switch (type) {
                case ERASURE_REQUESTED -> {
                    ErasureRequested erasure = EventData.read(json, event, ErasureRequested.class);
                    consents.erase(erasure.subjectId(), erasure.requestId());
                }
                case PROCESSING_RESTRICTED -> {
                    ProcessingRestricted restriction = EventData.read(json, event, ProcessingRestricted.class);
                    consents.restrict(restriction.subjectId(), restriction.requestId(), restriction.restrictedAt());
                }
                case RESTRICTION_LIFTED -> consents.liftRestriction(EventData.read(json, event, RestrictionLifted.class).subjectId());
                case OBJECTION_RECORDED -> {
                    ObjectionRecorded objection = EventData.read(json, event, ObjectionRecorded.class);
                    consents.object(objection.subjectId(), objection.purposeIds(), objection.directMarketingOnly());
                }
                default -> {
                    // other request events concern other services
                }
            }
        });
    }

}
