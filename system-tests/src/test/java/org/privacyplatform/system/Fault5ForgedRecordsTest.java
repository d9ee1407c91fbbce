package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Fault: someone who reaches the broker tries to put an event on a topic. Without credentials the broker
 * does not let them in; a service's principal may not write another service's topic; the operator may, and
 * ./platform produce --headers replays a record with its CloudEvent headers.
 */
class Fault5ForgedRecordsTest {

    @Test
    void aRecordPutWithoutCredentialsOrByAnotherServiceIsRefused() {
        String subject = "forged-" + UUID.randomUUID();
        Map<String, Object> anonymous = Map.of("bootstrap.servers", Platform.KAFKA, "max.block.ms", 5000);
        try (var producer = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> erasureRequested(producer, subject)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        // an ErasureRequested belongs on rights.events, which only rights-request-service writes
        Map<String, Object> consentService = new HashMap<>(Platform.kafkaClient("consent-service"));
        consentService.put("max.block.ms", 10000);
        try (var producer = new KafkaProducer<>(consentService, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> erasureRequested(producer, subject)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theOperatorReplaysARecordWithItsHeaders() {
        String key = "replayed-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        // a dead-letter topic: no service consumes it, so the replayed record changes nothing
        Drill.platformWithInput("ce_specversion:1.0,ce_id:" + id + ",ce_type:ConsentGranted,ce_time:2026-11-27T10:00:00Z\t"
                + key + "\t{\"subjectId\":\"" + key + "\"}\n", "produce", "--headers", "consent.events.dlq");

        Map<String, Object> operator = new HashMap<>(Platform.kafkaClient("operator"));
        operator.put("group.id", "system-test-" + UUID.randomUUID());
        operator.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(operator, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("consent.events.dlq"));
            AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
            Platform.eventually().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.set(r);
                    }
                });
                return found.get() != null;
            });
            assertThat(found.get().value()).isEqualTo("{\"subjectId\":\"" + key + "\"}");
            assertThat(header(found.get(), "ce_id")).isEqualTo(id);
            assertThat(header(found.get(), "ce_type")).isEqualTo("ConsentGranted");
            assertThat(header(found.get(), "ce_time")).isEqualTo("2026-11-27T10:00:00Z");
        }
    }

    private static void erasureRequested(KafkaProducer<String, String> producer, String subject) throws Exception {
        var record = new ProducerRecord<>("rights.events", subject, "{\"subjectId\":\"" + subject + "\"}");
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "ErasureRequested".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/rights-request-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(20, TimeUnit.SECONDS);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
