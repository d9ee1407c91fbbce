package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Fault: a malformed message put on a topic with Kafka's own tools. */
class Fault4MalformedMessageTest {

    @Test
    void itLandsOnTheDeadLetterTopicAndEveryConsumerKeepsGoing() {
        String key = "malformed-" + UUID.randomUUID();
        Drill.platformWithInput(key + "\tthis is not a CloudEvent\n", "produce", "consent.events");

        // each service consuming consent.events (retention, rights-request, audit) sets it aside
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        Map<String, Object> operator = new HashMap<>(Platform.kafkaClient("operator"));
        operator.put("group.id", "system-test-" + UUID.randomUUID());
        operator.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(operator, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("consent.events.dlq"));
            Platform.eventually().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
                return dead.size() >= 3;
            });
        }
        assertThat(dead).allSatisfy(r -> {
            assertThat(r.value()).isEqualTo("this is not a CloudEvent");
            assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("ce_specversion");
        });

        // and they keep going: retention hears a withdrawal, audit logs it, rights gets the erasure answers
        String subject = "after-malformed-" + UUID.randomUUID();
        as("service").body("{\"category\":\"newsletter\",\"system\":\"mailer\",\"reference\":\"sub-1\"}").when()
                .post(RETENTION + "/subjects/{s}/holdings", subject).then().statusCode(201);
        as("service").body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                .put(Platform.CONSENT + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
        as("service").body("{\"granted\":false,\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                .put(Platform.CONSENT + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
        Platform.eventually().untilAsserted(() -> as("dora").when().get(RETENTION + "/subjects/{s}/schedule", subject)
                .then().body("[0].dueOn", notNullValue()));
        Platform.eventually().until(() -> Platform.auditEvents(subject, "ConsentWithdrawn").size() == 1);
        String erasure = as("dora").body("{\"subjectId\":\"" + subject + "\",\"type\":\"ERASURE\"}").when()
                .post(RIGHTS + "/requests").then().statusCode(201).extract().path("id");
        as("dora").when().post(RIGHTS + "/requests/{id}/verify-identity", erasure).then().statusCode(200);
        Platform.eventually().untilAsserted(() -> as("dora").when().get(RIGHTS + "/requests/{id}", erasure).then()
                .body("outcomes.find { it.recipientId == 'consent-service' }.status", equalTo("PARTIAL")));
    }
}
