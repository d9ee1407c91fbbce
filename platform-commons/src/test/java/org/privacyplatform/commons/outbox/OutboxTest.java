package org.privacyplatform.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.KafkaCloudEvents;
import org.privacyplatform.commons.fixture.LedgerEntry;
import org.privacyplatform.commons.fixture.LedgerService;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.testing.TestBroker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;

/** The outbox against the real database and broker; the relay is driven by hand here. */
@QuarkusTest
class OutboxTest {

    @Inject
    LedgerService ledger;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRepository outbox;

    private final KafkaCompanion kafka = TestBroker.companion();

    @AfterEach
    void closeCompanion() {
        kafka.close();
    }

    @Test
    void stateAndEventCommitTogether() {
        String topic = uniqueTopic();
        String subject = "subject-" + UUID.randomUUID();

        CloudEvent event = ledger.credit(topic, subject, 5);

        assertThat(LedgerEntry.countFor(subject)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("eventId", event.id()))).isEqualTo(1);
    }

    @Test
    void aFailedTransactionLeavesNeitherStateNorEvent() {
        String topic = uniqueTopic();
        String subject = "subject-" + UUID.randomUUID();

        assertThatThrownBy(() -> ledger.creditThenFail(topic, subject, 5)).isInstanceOf(IllegalStateException.class);

        assertThat(LedgerEntry.countFor(subject)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("topic", topic))).isZero();
        drain();
        assertThat(kafka.consumeStrings().fromTopics(topic).awaitNoRecords(Duration.ofSeconds(2)).count()).isZero();
    }

    @Test
    void anEventThatBreaksItsSchemaIsRefusedNamingTheFieldAndNothingIsWritten() {
        String topic = uniqueTopic();
        String subject = "subject-" + UUID.randomUUID();

        assertThatThrownBy(() -> ledger.creditWithData(topic, subject, 5, Map.of("amount", 5, "name", "Alice Martin")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().errors()).extracting(Problem.FieldError::field).containsExactly("name");
                });
        assertThatThrownBy(() -> ledger.creditWithData(topic, subject, 5, Map.of("amount", "five")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors())
                        .extracting(Problem.FieldError::field).containsExactly("amount"));

        assertThat(LedgerEntry.countFor(subject)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("topic", topic))).isZero();
    }

    @Test
    void aRecordTheBrokerRefusesIsSetAsideAndTheEventsAfterItStillLeave() {
        String topic = uniqueTopic();
        String subject = "subject-" + UUID.randomUUID();
        // an outbox row larger than the broker accepts (written by hand: the contract bounds what services write)
        String tooLarge = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = UUID.randomUUID().toString();
            row.topic = topic;
            row.eventType = LedgerService.EVENT_TYPE;
            row.messageKey = subject;
            row.subjectId = subject;
            row.source = "/platform-commons-test";
            row.occurredAt = java.time.OffsetDateTime.now();
            row.payload = "{\"amount\":1,\"pad\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
            outbox.persist(row);
            return row.eventId;
        });
        CloudEvent after = ledger.credit(topic, subject, 2);

        drain();

        List<ConsumerRecord<String, String>> records = kafka.consumeStrings().fromTopics(topic, 1)
                .awaitCompletion(Duration.ofSeconds(30)).getRecords();
        assertThat(records).extracting(r -> header(r, "ce_id")).containsExactly(after.id());
        OutboxEvent refused = QuarkusTransaction.requiringNew().call(() -> outbox.find("eventId", tooLarge).firstResult());
        assertThat(refused.refusedAt).isNotNull();
        assertThat(refused.publishedAt).isNull();
        assertThat(refused.refusal).contains("RecordTooLarge");
    }

    @Test
    void relayPublishesEveryEventAsKeyedCloudEventsInOrderPerSubject() {
        String topic = uniqueTopic();
        List<String> subjects = List.of("s1-" + UUID.randomUUID(), "s2-" + UUID.randomUUID(), "s3-" + UUID.randomUUID());
        Map<String, List<String>> written = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String subject = subjects.get(i % 3);
            written.computeIfAbsent(subject, s -> new ArrayList<>()).add(ledger.credit(topic, subject, i).id());
        }

        drain();

        List<ConsumerRecord<String, String>> records = kafka.consumeStrings().fromTopics(topic, 30)
                .awaitCompletion(Duration.ofSeconds(30)).getRecords();
        assertThat(records).hasSize(30);
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent event = KafkaCloudEvents.fromRecord(record);
            assertThat(record.key()).isEqualTo(event.subject());
            assertThat(event.type()).isEqualTo(LedgerService.EVENT_TYPE);
            assertThat(event.source()).isEqualTo("/platform-commons-test");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(header(record, "ce_dataschema")).isEqualTo("urn:privacy-platform:test-events:LedgerCredited:1");
        }
        Map<String, List<String>> received = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                LinkedHashMap::new, Collectors.mapping(r -> header(r, "ce_id"), Collectors.toList())));
        for (String subject : subjects) {
            assertThat(received.get(subject)).as("events of %s in commit order", subject)
                    .containsExactlyElementsOf(written.get(subject));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("topic = ?1 and publishedAt is null", topic)))
                .isZero();
    }

    @Test
    void aRelayKilledMidBatchLosesNothingAfterRestart() {
        String topic = uniqueTopic();
        String subject = "subject-" + UUID.randomUUID();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            written.add(ledger.credit(topic, subject, i).id());
        }

        // The batch reaches the broker but the relay dies before its transaction commits the marks:
        // exactly the state a kill -9 between send and commit leaves behind.
        QuarkusTransaction.begin();
        assertThat(relay.publishBatch()).isEqualTo(10);
        QuarkusTransaction.rollback();
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("topic = ?1 and publishedAt is null", topic)))
                .as("nothing marked published").isEqualTo(10);

        // After the restart the relay sends the batch again: every event arrives, in order, at least once.
        drain();
        List<String> received = kafka.consumeStrings().fromTopics(topic, 20).awaitCompletion(Duration.ofSeconds(30))
                .getRecords().stream().map(r -> header(r, "ce_id")).toList();
        assertThat(received.subList(0, 10)).containsExactlyElementsOf(written);
        assertThat(received.subList(10, 20)).containsExactlyElementsOf(written);
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("topic = ?1 and publishedAt is null", topic)))
                .isZero();
    }

    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        String topic = uniqueTopic();
        ledger.credit(topic, "subject-" + UUID.randomUUID(), 1);

        // a second instance holding the relay lock: this one publishes nothing until it is released
        QuarkusTransaction.begin();
        assertThat(outbox.tryRelayLock()).isTrue();
        int publishedMeanwhile = java.util.concurrent.CompletableFuture.supplyAsync(relay::publishBatch).get();
        QuarkusTransaction.commit();

        assertThat(publishedMeanwhile).isZero();
        assertThat(relay.publishBatch()).isGreaterThanOrEqualTo(1);
    }

    private void drain() {
        while (relay.publishBatch() > 0) {
            // publish until the outbox is empty
        }
    }

    private static String uniqueTopic() {
        return "commons-test.outbox." + UUID.randomUUID();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
