package org.privacyplatform.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.EventProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The event contract as every consumer applies it, record by record, without a broker. */
class EventContractTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String REQUEST = "5e0f6a8e-1d2c-4b7a-9c3d-2e1f0a9b8c7d";

    private final EventContract contract = new EventContract();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRecordAsItsOwnerWritesItIsAccepted() {
        CloudEvent event = contract.accept(consentGranted());

        assertThat(event.type()).isEqualTo("ConsentGranted");
        assertThat(event.subject()).isEqualTo(ALICE);
    }

    @Test
    void aCeIdOf250CharactersIsRefused() {
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_id", "x".repeat(250)), "ce_id");
    }

    @Test
    void aCeTimeInYear99999IsRefused() {
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_time", "+99999-01-01T00:00:00Z"), "ce_time");
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_time", "99999-01-01T00:00:00Z"), "ce_time");
    }

    @Test
    void aValueOfTwoMegabytesIsRefused() {
        String huge = "{\"subjectId\":\"" + ALICE + "\",\"pad\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        assertRefused(EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ConsentGranted", ALICE, huge),
                "larger than");
    }

    @Test
    void anErasureCompletedNamingAnotherSystemIsRefused() {
        String data = "{\"requestId\":\"" + REQUEST + "\",\"subjectId\":\"" + ALICE
                + "\",\"system\":\"retention-service\",\"erased\":[],\"kept\":[]}";
        assertRefused(EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ErasureCompleted", ALICE, data),
                "must name system consent-service");
        // the same answer on the retention service's own topic is what that service writes
        assertThat(contract.accept(toConsumerRecord(
                EventProbe.record(Topics.RETENTION, UUID.randomUUID().toString(), "ErasureCompleted", ALICE, data)))
                .type()).isEqualTo("ErasureCompleted");
    }

    @Test
    void holdersNamedBySomeoneElseThanTheRetentionServiceAreRefused() {
        String data = "{\"requestId\":\"" + REQUEST + "\",\"subjectId\":\"" + ALICE
                + "\",\"system\":\"lms\",\"holders\":[\"lms\"],\"namedAt\":\"2026-11-28T10:00:00Z\"}";
        assertRefused(EventProbe.record(Topics.RETENTION, UUID.randomUUID().toString(), "HoldersNamed", ALICE, data),
                "must name system retention-service");
        // only the retention service writes them, on its own topic
        assertRefused(EventProbe.record(Topics.RIGHTS, UUID.randomUUID().toString(), "HoldersNamed", ALICE,
                data.replace("\"lms\",\"holders\"", "\"retention-service\",\"holders\"")), "HoldersNamed");
        assertThat(contract.accept(toConsumerRecord(EventProbe.record(Topics.RETENTION, UUID.randomUUID().toString(),
                "HoldersNamed", ALICE, data.replace("\"lms\",\"holders\"", "\"retention-service\",\"holders\""))))
                .type()).isEqualTo("HoldersNamed");
    }

    @Test
    void aSubjectThatDiffersFromTheDataIsRefused() {
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_subject", "b0b00000-0000-4000-8000-000000000002"),
                "ce_subject differs from data.subjectId");
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_subject", null), "ce_subject differs");
    }

    @Test
    void aTypeTheTopicsOwnerNeverEmitsIsRefused() {
        String erasure = "{\"requestId\":\"" + REQUEST + "\",\"subjectId\":\"" + ALICE + "\",\"requestedAt\":\"2026-11-27T10:00:00Z\"}";
        assertRefused(EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ErasureRequested", ALICE, erasure),
                "ErasureRequested does not belong on consent.events");
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_type", "SomethingHappened"), "not a platform event type");
    }

    @Test
    void theAuditServicesOwnLeavesAreRefusedFromEveryTopicEvenWithTheOwnersSource() throws Exception {
        String pseudonym = "0".repeat(64);
        String shredded = "{\"subjectPseudonym\":\"" + pseudonym + "\",\"leaves\":3,\"shreddedAt\":\"2026-11-27T10:00:00Z\"}";
        String encrypted = "{\"leaves\":3,\"firstLeaf\":0,\"lastLeaf\":2,\"encryptedAt\":\"2026-11-27T10:00:00Z\"}";
        assertThat(contract.violations("EvidenceShredded", json.readTree(shredded))).isEmpty();
        assertThat(contract.violations("LogTextEncrypted", json.readTree(encrypted))).isEmpty();
        for (String topic : List.of(Topics.CONSENT, Topics.RIGHTS, Topics.RETENTION)) {
            assertRefused(EventProbe.record(topic, UUID.randomUUID().toString(), "EvidenceShredded", pseudonym, shredded),
                    "EvidenceShredded does not belong on " + topic);
            assertRefused(EventProbe.record(topic, UUID.randomUUID().toString(), "LogTextEncrypted", pseudonym, encrypted),
                    "LogTextEncrypted does not belong on " + topic);
        }
        assertThat(EventType.EVIDENCE_SHREDDED.onKafka()).isFalse();
        assertThat(EventType.EVIDENCE_SHREDDED.topic()).isEmpty();
        assertThat(EventType.ERASURE_COMPLETED.onKafka()).isTrue();
    }

    @Test
    void aSourceThatIsNotTheTopicsOwnerIsRefused() {
        assertRefused(EventProbe.withHeader(consentGrantedRecord(), "ce_source", "/rights-request-service"),
                "ce_source is not consent.events's owner");
    }

    @Test
    void dataThatFailsItsSchemaIsRefusedNamingTheFieldNotTheValue() {
        String tooLong = EventProbe.consentGranted(ALICE, "newsletter").replace("\"1.0\"", "\"" + "9".repeat(40) + "\"");
        ConsumerRecord<String, String> record = toConsumerRecord(
                EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ConsentGranted", ALICE, tooLong));

        assertThatThrownBy(() -> contract.accept(record)).isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("noticeVersion").hasMessageNotContaining("9".repeat(40));
        String extra = EventProbe.consentGranted(ALICE, "newsletter").replace("}", ",\"name\":\"Alice Martin\"}");
        assertRefused(EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ConsentGranted", ALICE, extra),
                "fails its schema");
    }

    @Test
    void retentionEventsCarryBackstopsRestartsAndHoldEndsAndStillAcceptWhatWasWrittenBefore() throws Exception {
        String before = "{\"ruleId\":\"newsletter\",\"version\":1,\"category\":\"newsletter\",\"anchor\":\"UNSUBSCRIBE\","
                + "\"period\":\"P0D\",\"endAction\":\"DELETE\",\"archivePeriod\":null,\"consentPurpose\":\"newsletter\","
                + "\"statutory\":false,\"changedAt\":\"2026-11-27T10:00:00Z\"}";
        String now = before.replace("\"changedAt\"", "\"backstop\":\"P3Y\",\"restartAfterHold\":false,"
                + "\"limitationPeriod\":null,\"changedAt\"");
        assertThat(contract.violations("RetentionRuleChanged", json.readTree(before))).isEmpty();
        assertThat(contract.violations("RetentionRuleChanged", json.readTree(now))).isEmpty();
        assertThat(contract.violations("RetentionRuleChanged", json.readTree(now.replace("\"P3Y\"", "\"three years\""))))
                .extracting(EventContract.Violation::field).containsExactly("backstop");
        assertThat(contract.violations("RetentionRuleChanged", json.readTree(now.replace("\"restartAfterHold\":false",
                "\"restartAfterHold\":\"yes\"")))).extracting(EventContract.Violation::field).containsExactly("restartAfterHold");

        String hold = "5e0f6a8e-1d2c-4b7a-9c3d-2e1f0a9b8c7d";
        assertThat(contract.violations("LegalHoldPlaced", json.readTree("{\"holdId\":\"" + hold + "\",\"subjectId\":\""
                + ALICE + "\",\"category\":null,\"placedAt\":\"2026-11-27T10:00:00Z\",\"endsOn\":\"2027-02-28\"}"))).isEmpty();
        assertThat(contract.violations("LegalHoldLifted", json.readTree("{\"holdId\":\"" + hold + "\",\"subjectId\":null,"
                + "\"category\":\"fraud-case\",\"liftedAt\":\"2026-11-27T10:00:00Z\",\"endedOn\":\"2024-02-29\"}"))).isEmpty();
        assertThat(contract.violations("LegalHoldLifted", json.readTree("{\"holdId\":\"" + hold + "\","
                + "\"liftedAt\":\"2026-11-27T10:00:00Z\",\"endedOn\":\"29/02/2024\"}")))
                .extracting(EventContract.Violation::field).containsExactly("endedOn");
    }

    @Test
    void legalClaimsAndParentalConsentAreOptionalBooleans() throws Exception {
        String purpose = "{\"purposeId\":\"transaction-proof\",\"legalBasis\":\"LEGITIMATE_INTEREST\",\"directMarketing\":false,"
                + "\"validity\":null,\"noticeVersion\":\"1.0\",\"requiresFreshConsent\":false,"
                + "\"publishedAt\":\"2026-11-27T10:00:00Z\"}";
        // written before the field existed, and after
        assertThat(contract.violations("PurposePublished", json.readTree(purpose))).isEmpty();
        assertThat(contract.violations("PurposePublished", json.readTree(purpose.replace("}", ",\"legalClaims\":true}"))))
                .isEmpty();
        assertThat(contract.violations("PurposePublished", json.readTree(purpose.replace("}", ",\"legalClaims\":\"yes\"}"))))
                .extracting(EventContract.Violation::field).containsExactly("legalClaims");

        String granted = EventProbe.consentGranted(ALICE, "newsletter");
        assertThat(contract.violations("ConsentGranted", json.readTree(granted))).isEmpty();
        assertThat(contract.violations("ConsentGranted", json.readTree(granted.replace("}", ",\"parentalConsent\":true}"))))
                .isEmpty();
        // an event never names the holder of parental responsibility
        assertThat(contract.violations("ConsentGranted", json.readTree(granted.replace("}",
                ",\"parentalConsentHolder\":\"lms:parental-check-4711\"}")))).isNotEmpty();
    }

    @Test
    void violationsNameEachField() {
        JsonNode data = json.createObjectNode().put("subjectId", "not a subject id!").put("purposeId", "newsletter");

        assertThat(contract.violations("ConsentGranted", data)).extracting(EventContract.Violation::field)
                .contains("subjectId", "legalBasis", "source", "grantedAt");
    }

    @Test
    void everyEventTypeHasASchemaWhoseStringsAndArraysAreBounded() throws Exception {
        for (EventType type : EventType.values()) {
            assertThat(contract.knows(type.ceType())).as(type.ceType()).isTrue();
            assertThat(contract.dataSchema(type.ceType()).toString()).isEqualTo("urn:privacy-platform:events:" + type.ceType() + ":1");
            JsonNode schema = schema(type.ceType());
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(type.ceType()).isFalse();
            List<String> unbounded = new ArrayList<>();
            unbounded(schema, type.ceType(), unbounded);
            assertThat(unbounded).as("unbounded strings or arrays").isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryTypeOnEveryTopicItBelongsTo() throws Exception {
        JsonNode asyncApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("event-contract/asyncapi.yaml")) {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        for (String topic : List.of(Topics.CONSENT, Topics.RIGHTS, Topics.RETENTION)) {
            JsonNode channel = null;
            for (JsonNode c : asyncApi.path("channels")) {
                if (c.path("address").asText().equals(topic)) {
                    channel = c;
                }
            }
            assertThat(channel).as(topic).isNotNull();
            List<String> documented = new ArrayList<>();
            channel.path("messages").fieldNames().forEachRemaining(documented::add);
            List<String> expected = java.util.Arrays.stream(EventType.values()).filter(t -> t.belongsTo(topic))
                    .map(EventType::ceType).toList();
            assertThat(documented).as(topic).containsExactlyInAnyOrderElementsOf(expected);
        }
        for (EventType type : EventType.values()) {
            assertThat(asyncApi.path("components").path("messages").path(type.ceType()).path("payload").path("schema")
                    .path("$ref").asText()).isEqualTo("./schemas/" + type.ceType() + ".schema.json");
        }
    }

    private void unbounded(JsonNode schema, String path, List<String> found) {
        if (schema.isObject()) {
            JsonNode type = schema.path("type");
            boolean string = type.asText().equals("string") || (type.isArray() && type.toString().contains("\"string\""));
            boolean array = type.asText().equals("array");
            if (string && !schema.has("maxLength") && !schema.has("enum") && !schema.has("const")) {
                found.add(path);
            }
            if (array && !schema.has("maxItems")) {
                found.add(path);
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) schema::fields) {
                unbounded(field.getValue(), path + "." + field.getKey(), found);
            }
        }
    }

    private JsonNode schema(String type) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventContract.SCHEMA_LOCATION + type + ".schema.json")) {
            return json.readTree(in);
        }
    }

    private void assertRefused(ProducerRecord<String, String> record, String reason) {
        ConsumerRecord<String, String> consumed = toConsumerRecord(record);
        assertThatThrownBy(() -> contract.accept(consumed)).isInstanceOf(RejectedEventException.class)
                .hasMessageContaining(reason);
    }

    private ConsumerRecord<String, String> consentGranted() {
        return toConsumerRecord(consentGrantedRecord());
    }

    private static ProducerRecord<String, String> consentGrantedRecord() {
        return EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ConsentGranted", ALICE,
                EventProbe.consentGranted(ALICE, "newsletter"));
    }

    static ConsumerRecord<String, String> toConsumerRecord(ProducerRecord<String, String> record) {
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>(record.topic(), 0, 0L, record.key(), record.value());
        record.headers().forEach(h -> consumed.headers().add(h.key(), h.value()));
        return consumed;
    }
}
