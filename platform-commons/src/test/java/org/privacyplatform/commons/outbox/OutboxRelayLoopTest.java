package org.privacyplatform.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.fixture.LedgerService;
import org.privacyplatform.commons.testing.TestBroker;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/** With the relay running as in production, a committed event reaches Kafka without anyone asking. */
@QuarkusTest
@TestProfile(OutboxRelayLoopTest.RelayRunning.class)
class OutboxRelayLoopTest {

    public static class RelayRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a poll interval far longer than the wait below: only the after-commit wake-up can deliver in time
            return Map.of("privacy.outbox.relay-enabled", "true", "privacy.outbox.poll-interval", "PT60S");
        }
    }

    @Inject
    LedgerService ledger;

    @Test
    void aCommittedEventIsRelayedPromptly() {
        String topic = "commons-test.outbox." + UUID.randomUUID();
        try (KafkaCompanion kafka = TestBroker.companion()) {
            CloudEvent event = ledger.credit(topic, "subject-" + UUID.randomUUID(), 7);

            var records = kafka.consumeStrings().fromTopics(topic, 1).awaitCompletion(Duration.ofSeconds(20)).getRecords();

            assertThat(records).hasSize(1);
            assertThat(new String(records.get(0).headers().lastHeader("ce_id").value())).isEqualTo(event.id());
        }
    }
}
