package org.privacyplatform.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.fixture.LedgerConsumer;
import org.privacyplatform.commons.fixture.LedgerEntry;
import org.privacyplatform.commons.testing.TestBroker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The idempotent consumer and its dead-letter topic, over the real broker and database. */
@QuarkusTest
class InboxTest {

    private final KafkaCompanion kafka = TestBroker.companion();

    @AfterEach
    void closeCompanion() {
        kafka.close();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String subject = "subject-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        send(event(subject, eventId, 10));
        send(event(subject, eventId, 10));
        // a later event on the same key proves both copies before it have been consumed
        send(event(subject, UUID.randomUUID().toString(), 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> entries(subject) == 2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LedgerEntry.<LedgerEntry> list("subjectId", subject)))
                .extracting(e -> e.amount).containsExactlyInAnyOrder(10, 1);
    }

    @Test
    void anUnparseableMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String subject = "subject-" + UUID.randomUUID();
        send(new ProducerRecord<>(LedgerConsumer.TOPIC, subject, "this is not a CloudEvent"));
        ProducerRecord<String, String> badData = event(subject, UUID.randomUUID().toString(), 0);
        send(new ProducerRecord<>(badData.topic(), null, badData.key(), "[not an object]", badData.headers()));
        send(event(subject, UUID.randomUUID().toString(), 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> entries(subject) == 1);

        ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(Topics.deadLetter(LedgerConsumer.TOPIC));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.getRecords().stream()
                    .filter(r -> subject.equals(r.key())).count() == 2);
            ConsumerRecord<String, String> first = deadLetters.getRecords().stream()
                    .filter(r -> subject.equals(r.key())).findFirst().orElseThrow();
            assertThat(first.value()).isEqualTo("this is not a CloudEvent");
            assertThat(new String(first.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("ce_specversion");
        } finally {
            deadLetters.stop();
        }
    }

    private static long entries(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerEntry.countFor(subject));
    }

    private void send(ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
    }

    private static ProducerRecord<String, String> event(String subject, String eventId, int amount) {
        ProducerRecord<String, String> record = new ProducerRecord<>(LedgerConsumer.TOPIC, subject,
                "{\"amount\":" + amount + "}");
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(eventId));
        record.headers().add("ce_source", bytes("/test"));
        record.headers().add("ce_type", bytes("LedgerCredited"));
        record.headers().add("ce_subject", bytes(subject));
        record.headers().add("ce_time", bytes(OffsetDateTime.now().toString()));
        record.headers().add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
