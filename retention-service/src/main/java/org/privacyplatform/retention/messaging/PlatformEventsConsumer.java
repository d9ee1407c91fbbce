package org.privacyplatform.retention.messaging;

import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.privacyplatform.commons.events.ConsentWithdrawn;
import org.privacyplatform.commons.events.ErasureRequested;
import org.privacyplatform.commons.events.EventData;
import org.privacyplatform.commons.events.KafkaCloudEvents;
import org.privacyplatform.commons.events.MalformedEventException;
import org.privacyplatform.commons.inbox.Inbox;
import org.privacyplatform.retention.service.HoldingService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code ConsentWithdrawn} makes what was kept on that consent fall due; {@code ErasureRequested} erases what
 * no statutory period protects. Each event is applied once; unreadable ones go to the topic's {@code .dlq}.
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    public static final String CONSENT_CHANNEL = "consent-events";
    public static final String RIGHTS_CHANNEL = "rights-events";

    private final Inbox inbox;
    private final HoldingService holdings;
    private final ObjectMapper json;

    public PlatformEventsConsumer(Inbox inbox, HoldingService holdings, ObjectMapper json) {
        this.inbox = inbox;
        this.holdings = holdings;
        this.json = json;
    }

    @Incoming(CONSENT_CHANNEL)
    @Blocking
    @Retry(delay = 1000, maxRetries = 30, abortOn = MalformedEventException.class)
    public void onConsentEvent(ConsumerRecord<String, String> record) {
        inbox.apply("retention-service.consent-events", KafkaCloudEvents.fromRecord(record), event -> {
            if ("ConsentWithdrawn".equals(event.type())) {
                ConsentWithdrawn withdrawn = EventData.read(json, event, ConsentWithdrawn.class);
                holdings.consentWithdrawn(withdrawn.subjectId(), withdrawn.purposeId(),
                        withdrawn.withdrawnAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
            }
        });
    }

    @Incoming(RIGHTS_CHANNEL)
    @Blocking
    @Retry(delay = 1000, maxRetries = 30, abortOn = MalformedEventException.class)
    public void onRightsEvent(ConsumerRecord<String, String> record) {
        inbox.apply("retention-service.rights-events", KafkaCloudEvents.fromRecord(record), event -> {
            if ("ErasureRequested".equals(event.type())) {
                ErasureRequested erasure = EventData.read(json, event, ErasureRequested.class);
                holdings.erase(erasure.subjectId(), erasure.requestId());
            }
        });
    }

}
