package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Fault: the operator's principal (or anyone who stole it) puts hostile CloudEvents on consent.events. None is
 * applied: each lands on consent.events.dlq once per consumer (rights-request, retention, audit) with the reason,
 * and a consent change made right after still reaches the audit log within seconds.
 */
class Fault6HostileRecordsTest {

    private static final List<String> CONSUMERS = List.of("rights-request-service.consent-events",
            "retention-service.consent-events", "audit-service");

    @Test
    void hostileRecordsAreSetAsideOncePerConsumerWithTheirReasonAndNothingStalls() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // key (a subject of its own) -> the record and the reason each consumer must give
        Map<String, ProducerRecord<String, String>> hostile = new LinkedHashMap<>();
        Map<String, String> reasons = new HashMap<>();
        String id250 = "h1-" + run;
        hostile.put(id250, withHeader(consentGranted(id250), "ce_id", "x".repeat(250)));
        reasons.put(id250, "header ce_id is out of bounds");
        String year99999 = "h2-" + run;
        hostile.put(year99999, withHeader(consentGranted(year99999), "ce_time", "+99999-01-01T00:00:00Z"));
        reasons.put(year99999, "header ce_time is out of bounds");
        String twoMegabytes = "h3-" + run;
        hostile.put(twoMegabytes, new ProducerRecord<>("consent.events", null, twoMegabytes,
                "{\"subjectId\":\"" + twoMegabytes + "\",\"pad\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}",
                consentGranted(twoMegabytes).headers()));
        reasons.put(twoMegabytes, "data is larger than");
        String otherSystem = "h4-" + run;
        hostile.put(otherSystem, event("ErasureCompleted", otherSystem, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + otherSystem + "\",\"system\":\"retention-service\",\"erased\":[],\"kept\":[]}"));
        reasons.put(otherSystem, "must name system consent-service");
        String otherSubject = "h5-" + run;
        hostile.put(otherSubject, withHeader(consentGranted(otherSubject), "ce_subject", Platform.BOB));
        reasons.put(otherSubject, "ce_subject differs from data.subjectId");
        String notTheOwners = "h6-" + run;
        hostile.put(notTheOwners, event("ErasureRequested", notTheOwners, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + notTheOwners + "\",\"requestedAt\":\"2026-11-27T10:00:00Z\"}"));
        reasons.put(notTheOwners, "ErasureRequested does not belong on consent.events");

        Map<String, Object> operator = new HashMap<>(Platform.kafkaClient("operator"));
        // the broker takes the 2 MB value compressed; the producer checks the size before compression
        operator.put("compression.type", "gzip");
        operator.put("max.request.size", 4 * 1024 * 1024);
        try (var producer = new KafkaProducer<>(operator, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : hostile.values()) {
                producer.send(record).get(20, TimeUnit.SECONDS);
            }
        }

        // right after, a genuine consent change reaches the audit log: no consumer stalled
        String subject = "after-hostile-" + run;
        as("service").body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                .put(Platform.CONSENT + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
        Platform.eventually().atMost(Duration.ofSeconds(20))
                .until(() -> Platform.auditEvents(subject, "ConsentGranted").size() == 1);

        // each hostile record is on the dead-letter topic once per consumer, with its reason
        Map<String, List<ConsumerRecord<String, String>>> dead = new HashMap<>();
        Map<String, Object> reader = new HashMap<>(Platform.kafkaClient("operator"));
        reader.put("group.id", "operator-system-test-" + UUID.randomUUID());
        reader.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(reader, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("consent.events.dlq"));
            Platform.eventually().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (hostile.containsKey(r.key())) {
                        dead.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                    }
                });
                return hostile.keySet().stream().allMatch(k -> dead.getOrDefault(k, List.of()).size() >= CONSUMERS.size());
            });
            // nothing more arrives: once per consumer, not once per retry
            consumer.poll(Duration.ofSeconds(3)).forEach(r -> {
                if (hostile.containsKey(r.key())) {
                    dead.get(r.key()).add(r);
                }
            });
        }
        for (String key : hostile.keySet()) {
            assertThat(dead.get(key)).as(key).extracting(r -> header(r, "dead-letter-consumer"))
                    .containsExactlyInAnyOrderElementsOf(CONSUMERS);
            assertThat(dead.get(key)).as(key).allSatisfy(r -> assertThat(header(r, "dead-letter-reason")).contains(reasons.get(key)));
            // and nothing was applied: the audit log holds none of them
            assertThat(as("audrey").queryParam("subjectId", key).when().get(AUDIT + "/audit/events").then().statusCode(200)
                    .extract().jsonPath().getList("items")).as(key).isEmpty();
        }
        assertThat(dead.get(twoMegabytes)).allSatisfy(r -> assertThat(header(r, "dead-letter-value-omitted")).contains("sha256"));
    }

    private static ProducerRecord<String, String> consentGranted(String subject) {
        return event("ConsentGranted", subject, "{\"subjectId\":\"" + subject + "\",\"purposeId\":\"newsletter\","
                + "\"legalBasis\":\"CONSENT\",\"noticeVersion\":\"1.0\",\"source\":\"api\",\"grantedAt\":\"" + now()
                + "\",\"expiresAt\":null}");
    }

    private static ProducerRecord<String, String> event(String type, String subject, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>("consent.events", subject, data);
        add(record, "ce_specversion", "1.0");
        add(record, "ce_id", UUID.randomUUID().toString());
        add(record, "ce_source", "/consent-service");
        add(record, "ce_type", type);
        add(record, "ce_subject", subject);
        add(record, "ce_time", now());
        add(record, "content-type", "application/json");
        return record;
    }

    private static ProducerRecord<String, String> withHeader(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        add(record, name, value);
        return record;
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
