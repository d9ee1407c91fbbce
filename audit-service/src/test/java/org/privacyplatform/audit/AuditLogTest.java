package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Every event of every topic, once, as a leaf whose bytes anyone can hash. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AuditLogTest {

    private static EventProbe kafka;

    @BeforeAll
    static void connect() {
        kafka = new EventProbe(Topics.deadLetter(Topics.CONSENT));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aPublishedPrivacyNoticeBecomesALeafWithTheHashesOfItsTexts() {
        // as the consent service writes it: about no subject, keyed "notice", the SHA-256 of each language's text
        String id = UUID.randomUUID().toString();
        String en = sha256Hex("the notice in English " + id);
        String fr = sha256Hex("la notice en français " + id);
        String data = "{\"noticeVersion\":7,\"catalogueVersion\":2,\"contentHash\":\"" + sha256Hex(id)
                + "\",\"textHashes\":{\"en\":\"" + en + "\",\"fr\":\"" + fr + "\"},\"publishedAt\":\"2026-11-27T10:00:00Z\"}";
        kafka.sendAll(List.of(EventProbe.withHeader(EventProbe.record(Topics.CONSENT, id, "NoticePublished", "notice", data),
                "ce_subject", null)));
        AuditApi.awaitLeaf(id);

        JsonPath leaf = given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", id).then()
                .statusCode(200).body("event.type", equalTo("NoticePublished")).body("topic", equalTo(Topics.CONSENT))
                .body("event.data.textHashes.en", equalTo(en)).body("event.data.textHashes.fr", equalTo(fr))
                .extract().jsonPath();
        assertThat(leaf.getString("canonical")).contains("\"textHashes\":{\"en\":\"" + en + "\",\"fr\":\"" + fr + "\"}");
        given().auth().oauth2(TestTokens.auditor()).queryParam("type", "NoticePublished").when().get("/audit/events")
                .then().statusCode(200).body("items.event.id", hasItem(id));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eventsOfAllThreeTopicsBecomeLeavesHashedAsRfc9162Says() throws Exception {
        String subject = AuditApi.subject();
        String consent = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        String rights = AuditApi.publishAndAwait(kafka, Topics.RIGHTS, "ErasureRequested", subject);
        String retention = AuditApi.publishAndAwait(kafka, Topics.RETENTION, "RetentionExpired", subject);

        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", rights)
                .then().statusCode(200).body("event.id", equalTo(rights)).body("event.type", equalTo("ErasureRequested"))
                .body("event.subject", equalTo(subject)).body("event.specversion", equalTo("1.0"))
                .body("event.data.subjectId", equalTo(subject)).body("topic", equalTo(Topics.RIGHTS));
        JsonPath event = given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/{id}", retention)
                .then().statusCode(200).body("topic", equalTo(Topics.RETENTION)).extract().jsonPath();
        String canonical = event.getString("canonical");
        // RFC 8785: keys sorted, no whitespace, non-ASCII characters as themselves; the log's salt comes first
        assertThat(canonical).matches("^\\{\"auditsalt\":\"[A-Za-z0-9_-]{22}\",\"data\":\\{\"anchorDate\":\"2026-01-05\",\"category\":\"newsletter\",.*")
                .contains("\"reference\":\"dossier café €\"");
        assertThat(canonical).doesNotContain(" \"").doesNotContain("\n");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0x00);
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(event.getString("leafHash")).isEqualTo(HexFormat.of().formatHex(sha256.digest()));

        given().auth().oauth2(TestTokens.dpo()).queryParam("subjectId", subject).when().get("/audit/events")
                .then().statusCode(200).body("items", hasSize(3))
                .body("items.event.id", equalTo(java.util.List.of(consent, rights, retention)));
        given().auth().oauth2(TestTokens.dpo()).queryParam("subjectId", subject).queryParam("type", "RetentionExpired")
                .when().get("/audit/events").then().body("items", hasSize(1));
    }

    @Test
    void theSameEventDeliveredTwiceIsOneLeaf() {
        String subject = AuditApi.subject();
        String id = java.util.UUID.randomUUID().toString();
        String data = EventProbe.consentGranted(subject, "newsletter");
        kafka.send(Topics.CONSENT, id, "ConsentGranted", subject, data);
        kafka.send(Topics.CONSENT, id, "ConsentGranted", subject, data);
        // a later event with the same key proves both copies were consumed
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentWithdrawn", subject);

        given().auth().oauth2(TestTokens.auditor()).queryParam("subjectId", subject).when().get("/audit/events")
                .then().body("items", hasSize(2)).body("items[0].event.id", equalTo(id));
    }

    @Test
    void aMessageThatIsNoCloudEventGoesToTheDeadLetterTopicAloneAndTheEventsAroundItAreLogged() {
        // one burst, consumed in few polls: the malformed record sits amid good events of its batch
        String subject = AuditApi.subject();
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i == 150) {
                burst.add(new ProducerRecord<>(Topics.CONSENT, subject, "not an event"));
            }
            String id = UUID.randomUUID().toString();
            ids.add(id);
            burst.add(EventProbe.record(Topics.CONSENT, id, "ConsentGranted", subject, EventProbe.consentGranted(subject, "newsletter")));
        }
        kafka.sendAll(burst);
        AuditApi.awaitLeaf(ids.get(ids.size() - 1));

        // every good event is a leaf, once, in the order sent
        List<String> logged = given().auth().oauth2(TestTokens.auditor()).queryParam("subjectId", subject)
                .queryParam("size", 500).when().get("/audit/events").then().statusCode(200).extract().jsonPath()
                .getList("items.event.id", String.class);
        assertThat(logged).containsExactlyElementsOf(ids);
        // and only the malformed record is set aside, with the reason and where it came from
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.recordsFor(subject).isEmpty());
        assertThat(kafka.recordsFor(subject)).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo("not an event");
            assertThat(EventProbe.header(dead, "dead-letter-reason")).contains("ce_specversion");
            assertThat(EventProbe.header(dead, "dead-letter-consumer")).isEqualTo("audit-service");
            assertThat(EventProbe.header(dead, "dead-letter-topic")).isEqualTo(Topics.CONSENT);
            assertThat(EventProbe.header(dead, "dead-letter-offset")).matches("\\d+");
        });
    }


    /** A token of the calling system that assembles the access export (audit.subject-readers). */
    private static final String EXPORT_SYSTEM = TestTokens.RIGHTS_REQUEST_SERVICE;

    @Test
    void aSubjectsAuditTrailReachesAServiceOnlyThroughTheExport() {
        String subject = AuditApi.subject();
        String other = AuditApi.subject();
        String event = AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", subject);
        AuditApi.publishAndAwait(kafka, Topics.CONSENT, "ConsentGranted", other);

        // a business system, even one that speaks for the subject's consents, reads neither the events nor the evidence
        for (String system : new String[] { "lms", "crm", "consent-service" }) {
            String token = TestTokens.service(system);
            given().auth().oauth2(token).queryParam("subjectId", subject).when().get("/audit/events").then()
                    .statusCode(403).contentType(AuditApi.PROBLEM).body(not(containsString(event)))
                    .body("detail", containsString("access export"));
            given().auth().oauth2(token).when().get("/audit/subjects/{s}/evidence", subject).then().statusCode(403)
                    .contentType(AuditApi.PROBLEM).body(not(containsString(event)));
        }
        // a service token that names no system is no export either
        given().auth().oauth2(TestTokens.token("service-account-anonymous", "service")).queryParam("subjectId", subject)
                .when().get("/audit/events").then().statusCode(403);

        // the export's own system reads this subject's trail, and nothing of another subject's
        given().auth().oauth2(TestTokens.service(EXPORT_SYSTEM)).queryParam("subjectId", subject).when()
                .get("/audit/events").then().statusCode(200).body("items.event.id", hasItem(event))
                .body("items.event.subject", everyItem(equalTo(subject)));
        given().auth().oauth2(TestTokens.service(EXPORT_SYSTEM)).when().get("/audit/subjects/{s}/evidence", subject)
                .then().statusCode(200).body("events.eventId", hasItem(event)).body(not(containsString(other)));
        // the auditor and the DPO read it as ever
        for (String token : new String[] { TestTokens.auditor(), TestTokens.dpo() }) {
            given().auth().oauth2(token).queryParam("subjectId", subject).when().get("/audit/events").then()
                    .statusCode(200).body("items.event.id", hasItem(event));
            given().auth().oauth2(token).when().get("/audit/subjects/{s}/evidence", subject).then().statusCode(200);
        }
    }

    @Test
    void onlyAuditorsAndTheDpoReadTheLog() {
        String export = TestTokens.service(EXPORT_SYSTEM);
        given().when().get("/audit/checkpoint").then().statusCode(401).contentType(AuditApi.PROBLEM);
        given().auth().oauth2(TestTokens.dataSubject("someone")).when().get("/audit/checkpoint").then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).when().get("/audit/checkpoint").then().statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject("someone")).queryParam("subjectId", "someone").when()
                .get("/audit/events").then().statusCode(403);
        // the service that assembles the access export reads one subject's events, never the whole log
        given().auth().oauth2(export).when().get("/audit/events").then().statusCode(403)
                .contentType(AuditApi.PROBLEM);
        given().auth().oauth2(export).queryParam("subjectId", "someone").when().get("/audit/events")
                .then().statusCode(200);
        // the public key is public
        given().when().get("/audit/public-key").then().statusCode(200).body("algorithm", equalTo("Ed25519"));
        given().auth().oauth2(TestTokens.auditor()).when().get("/audit/events/no-such-event").then().statusCode(404)
                .contentType(AuditApi.PROBLEM);
    }
}
