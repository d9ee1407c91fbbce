package org.privacyplatform.commons.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.KafkaCloudEvents;
import org.privacyplatform.commons.events.Topics;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Watches a topic of the real test broker from its beginning and sends events to it, as binary-mode
 * CloudEvents. Tests filter by a subject id of their own, so they never see each other's events.
 */
public class EventProbe implements AutoCloseable {

    private final KafkaCompanion kafka = TestBroker.companion();
    private final ConsumerTask<String, String> task;

    public EventProbe(String topic) {
        this.task = kafka.consumeStrings().fromTopics(topic);
    }

    /** Every record with this key so far. */
    public List<ConsumerRecord<String, String>> recordsFor(String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Every event with this key so far, in topic order. */
    public List<CloudEvent> eventsFor(String key) {
        return recordsFor(key).stream().map(KafkaCloudEvents::fromRecord).toList();
    }

    /**
     * Waits until a dead letter with this key, set aside by {@code consumer} (its {@code dead-letter-consumer}
     * header), arrives on the watched (dead-letter) topic, and returns it.
     */
    public ConsumerRecord<String, String> awaitDeadLetter(String key, String consumer) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recordsFor(key).stream()
                .filter(r -> consumer.equals(header(r, "dead-letter-consumer"))).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** A header of a record as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Waits until an event with this key and type arrives and returns the latest such. */
    public CloudEvent await(String key, String type) {
        return await(key, e -> e.type().equals(type));
    }

    public CloudEvent await(String key, Predicate<CloudEvent> matching) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> eventsFor(key).stream().filter(matching).reduce((first, second) -> second),
                java.util.Optional::isPresent).orElseThrow();
    }

    public long count(String key, String type) {
        return eventsFor(key).stream().filter(e -> e.type().equals(type)).count();
    }

    /** Sends a binary-mode CloudEvent keyed by the subject id; returns its {@code ce_id}. */
    public String send(String topic, String type, String subjectId, String jsonData) {
        String id = UUID.randomUUID().toString();
        send(topic, id, type, subjectId, jsonData);
        return id;
    }

    public void send(String topic, String id, String type, String subjectId, String jsonData) {
        sendAll(List.of(record(topic, id, type, subjectId, jsonData)));
    }

    /** Sends records in one go, in order; records of one key land in one partition, so they keep that order. */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));
    }

    /**
     * A binary-mode CloudEvent record keyed by the subject id, as the topic's owner writes them ({@code ce_source}
     * names the owner; tests that forge a record change its headers with {@link #withHeader}).
     */
    public static ProducerRecord<String, String> record(String topic, String id, String type, String subjectId,
            String jsonData) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subjectId, jsonData);
        header(record, "ce_specversion", CloudEvent.SPEC_VERSION);
        header(record, "ce_id", id);
        header(record, "ce_source", "/" + Topics.owner(topic).orElse("tests"));
        header(record, "ce_type", type);
        header(record, "ce_subject", subjectId);
        header(record, "ce_time", CloudEvent.formatTime(OffsetDateTime.now()));
        header(record, "content-type", CloudEvent.DATA_CONTENT_TYPE);
        return record;
    }

    /** The record with one header replaced (or removed, for {@code null}): how tests forge events. */
    public static ProducerRecord<String, String> withHeader(ProducerRecord<String, String> record, String name,
            String value) {
        record.headers().remove(name);
        if (value != null) {
            header(record, name, value);
        }
        return record;
    }

    /** The data of a valid {@code ConsentGranted} for {@code subjectId}, as the consent service writes it. */
    public static String consentGranted(String subjectId, String purposeId) {
        return "{\"subjectId\":\"" + subjectId + "\",\"purposeId\":\"" + purposeId + "\",\"legalBasis\":\"CONSENT\","
                + "\"noticeVersion\":\"1.0\",\"source\":\"web\",\"grantedAt\":\"" + CloudEvent.formatTime(OffsetDateTime.now())
                + "\",\"expiresAt\":null}";
    }

    /**
     * Valid data of {@code type} about {@code subjectId}, as the owner of {@code topic} writes it: what tests send
     * when the content does not matter (the consumers check every event against its schema).
     */
    public static String sample(String topic, String type, String subjectId) {
        String now = "\"" + CloudEvent.formatTime(OffsetDateTime.now()) + "\"";
        String request = "\"requestId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\"" + subjectId + "\"";
        return switch (type) {
            case "ConsentGranted" -> consentGranted(subjectId, "newsletter");
            case "ConsentWithdrawn" -> "{\"subjectId\":\"" + subjectId + "\",\"purposeId\":\"newsletter\",\"legalBasis\":\"CONSENT\","
                    + "\"noticeVersion\":\"1.0\",\"source\":\"web\",\"reason\":\"WITHDRAWN\",\"directMarketing\":true,"
                    + "\"withdrawnAt\":" + now + "}";
            case "ErasureRequested" -> "{" + request + ",\"requestedAt\":" + now + "}";
            case "ProcessingRestricted" -> "{" + request + ",\"restrictedAt\":" + now + "}";
            case "RestrictionLifted" -> "{" + request + ",\"subjectInformedAt\":" + now + ",\"liftedAt\":" + now + "}";
            case "ObjectionRecorded" -> "{" + request + ",\"purposeIds\":[],\"directMarketingOnly\":true,\"recordedAt\":" + now + "}";
            case "RequestReceived", "IdentityVerified", "RequestExtended", "RequestRejected", "RequestCompleted",
                    "RectificationRequested" -> "{" + request + ",\"type\":\"ACCESS\",\"status\":\"RECEIVED\",\"at\":" + now
                            + ",\"dueAt\":null,\"note\":null}";
            case "ErasureCompleted" -> "{" + request + ",\"system\":\"" + Topics.owner(topic).orElseThrow()
                    + "\",\"erased\":[{\"category\":\"consent-state\",\"count\":1}],\"kept\":[]}";
            case "HoldersNamed" -> "{" + request + ",\"system\":\"" + Topics.owner(topic).orElseThrow()
                    + "\",\"holders\":[\"lms\"],\"namedAt\":" + now + "}";
            case "RetentionExpired" -> "{\"holdingId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\"" + subjectId
                    + "\",\"category\":\"newsletter\",\"system\":\"lms\",\"reference\":\"dossier café €\","
                    + "\"ruleId\":\"newsletter\",\"ruleVersion\":1,\"anchorDate\":\"2026-01-05\",\"dueOn\":\"2026-01-05\","
                    + "\"expiredAt\":" + now + "}";
            default -> throw new IllegalArgumentException("no sample for " + type + ": write its data in the test");
        };
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        task.stop();
        kafka.close();
    }
}
