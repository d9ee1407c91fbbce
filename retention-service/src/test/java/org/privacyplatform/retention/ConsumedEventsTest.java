package org.privacyplatform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** ConsentWithdrawn, ErasureRequested and RectificationRequested, over the real broker. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ConsumedEventsTest {

    private static EventProbe events;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.RETENTION);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void unsubscribingMakesTheNewsletterHoldingFallDueAndExpire() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "newsletter", null).statusCode(201);
        RetentionApi.register(subject, "prospect", "2026-01-05").statusCode(201);

        events.send(Topics.CONSENT, "ConsentWithdrawn", subject, "{\"subjectId\":\"" + subject
                + "\",\"purposeId\":\"newsletter\",\"legalBasis\":\"CONSENT\",\"noticeVersion\":\"1.0\",\"source\":\"web\","
                + "\"reason\":\"WITHDRAWN\",\"directMarketing\":true,\"withdrawnAt\":\"2026-03-02T09:30:00Z\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(subject)
                .body("find { it.category == 'newsletter' }.dueOn", equalTo("2026-03-02")));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("find { it.category == 'newsletter' }.status", equalTo("EXPIRED"))
                .body("find { it.category == 'prospect' }.status", equalTo("HELD"));
        CloudEvent expired = events.await(subject, "RetentionExpired");
        assertThat(expired.data().path("category").asText()).isEqualTo("newsletter");
    }

    @Test
    void anObjectionToPersonalisedMarketingMakesTheMarketingProfileFallDue() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "marketing-profile", "2026-01-05").statusCode(201);
        RetentionApi.register(subject, "prospect", "2026-01-05").statusCode(201);
        RetentionApi.schedule(subject).body("find { it.category == 'marketing-profile' }.dueOn", equalTo("2029-01-05"));

        // Art. 21(3): the consent service's ConsentWithdrawn for the objection (a legitimate-interest purpose)
        events.send(Topics.CONSENT, "ConsentWithdrawn", subject, "{\"subjectId\":\"" + subject
                + "\",\"purposeId\":\"personalised-marketing\",\"legalBasis\":\"LEGITIMATE_INTEREST\",\"noticeVersion\":\"1.0\","
                + "\"source\":\"web\",\"reason\":\"OBJECTION\",\"directMarketing\":true,\"withdrawnAt\":\"2026-02-28T23:30:00Z\"}");

        // 23:30 UTC on 28 February is 00:30 on 1 March in Paris: the day the consent service's suppression list counts
        // the objection from, and the day the profile falls due
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(subject)
                .body("find { it.category == 'marketing-profile' }.dueOn", equalTo("2026-03-01")));
        RetentionApi.schedule(subject).body("find { it.category == 'prospect' }.dueOn", equalTo("2029-01-05"));
    }

    @Test
    void erasureErasesWhatNoStatutoryPeriodProtectsAndReportsWhatItKeeps() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "prospect", "2026-01-05").statusCode(201);
        RetentionApi.register(subject, "marketing-profile", "2026-01-05").statusCode(201);
        RetentionApi.register(subject, "accounting", "2025-06-01").statusCode(201);
        RetentionApi.register(subject, "fraudster-list", "2025-02-01").statusCode(201);
        RetentionApi.register(subject, "call-recording", "2026-10-01").statusCode(201);
        // billing keeps its invoices (a statutory period): it has nothing to erase, so it is no holder to ask
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"category\":\"accounting\",\"system\":\"billing\",\"reference\":\"inv-1\",\"anchorDate\":\"2025-06-01\"}")
                .when().post("/subjects/{s}/holdings", subject).then().statusCode(201);
        String hold = io.restassured.RestAssured.given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"" + subject + "\",\"category\":\"call-recording\",\"caseReference\":\"RG-9\",\"reason\":\"complaint\"}")
                .when().post("/legal-holds").then().statusCode(201).extract().path("id");
        String requestId = UUID.randomUUID().toString();

        events.send(Topics.RIGHTS, "ErasureRequested", subject, "{\"requestId\":\"" + requestId + "\",\"subjectId\":\""
                + subject + "\",\"requestedAt\":\"2026-11-26T10:00:00Z\"}");

        CloudEvent completed = events.await(subject, "ErasureCompleted");
        JsonNode data = completed.data();
        assertThat(data.path("requestId").asText()).isEqualTo(requestId);
        assertThat(data.path("system").asText()).isEqualTo("retention-service");
        assertThat(data.path("erased").findValuesAsText("category")).containsExactlyInAnyOrder("prospect", "marketing-profile");
        // the register is erased here; lms, which registered what was erased, holds the data and must erase it too
        assertThat(data.path("holders").toString()).isEqualTo("[\"lms\"]");
        JsonNode kept = data.path("kept");
        assertThat(kept.findValuesAsText("category")).containsExactlyInAnyOrder("accounting", "fraudster-list", "call-recording");
        assertThat(kept.findValues("count").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(4);
        for (JsonNode item : kept) {
            switch (item.path("category").asText()) {
                case "accounting" -> {
                    assertThat(item.path("keptUntil").asText()).isEqualTo("2035-12-31");
                    assertThat(item.path("ground").asText()).contains("ten years").contains("rule accounting v1");
                }
                case "fraudster-list" -> assertThat(item.path("keptUntil").asText()).isEqualTo("2030-02-01");
                // the case reference may name people: the event names the hold, which stays here
                default -> assertThat(item.path("ground").asText()).isEqualTo("legal hold " + hold).doesNotContain("RG-9");
            }
        }
        RetentionApi.schedule(subject).body("find { it.category == 'prospect' }.status", equalTo("ERASED"))
                .body("find { it.category == 'accounting' }.status", equalTo("HELD"));
    }

    @Test
    void aRectificationIsAnsweredWithTheSystemsThatHoldTheSubjectsData() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "prospect", "2026-01-05").statusCode(201);
        // kept data must be accurate too: billing's invoices, under a statutory period, are corrected as well
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"category\":\"accounting\",\"system\":\"billing\",\"reference\":\"inv-7\",\"anchorDate\":\"2025-06-01\"}")
                .when().post("/subjects/{s}/holdings", subject).then().statusCode(201);
        String requestId = UUID.randomUUID().toString();
        events.send(Topics.RIGHTS, "RectificationRequested", subject, "{\"requestId\":\"" + requestId + "\",\"subjectId\":\""
                + subject + "\",\"type\":\"RECTIFICATION\",\"status\":\"IN_PROGRESS\",\"at\":\"2026-11-28T10:00:00Z\","
                + "\"dueAt\":null,\"note\":null}");

        JsonNode named = events.await(subject, "HoldersNamed").data();
        assertThat(named.path("requestId").asText()).isEqualTo(requestId);
        assertThat(named.path("system").asText()).isEqualTo("retention-service");
        assertThat(named.path("holders").toString()).isEqualTo("[\"billing\",\"lms\"]");
        // the corrections never travel: the event names systems, nothing of the data
        assertThat(named.toString()).doesNotContain("inv-7").doesNotContain("prospect");

        // a subject nobody registered: the answer names no one
        String unknown = RetentionApi.subject();
        events.send(Topics.RIGHTS, "RectificationRequested", unknown, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + unknown + "\",\"type\":\"RECTIFICATION\",\"status\":\"IN_PROGRESS\","
                + "\"at\":\"2026-11-28T10:00:00Z\",\"dueAt\":null,\"note\":null}");
        assertThat(events.await(unknown, "HoldersNamed").data().path("holders").toString()).isEqualTo("[]");
    }

    @Test
    void aBackDatedWithdrawalFromAnotherWriterMakesNothingFallDue() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "newsletter", null).statusCode(201);
        String backDated = EventProbe.sample(Topics.CONSENT, "ConsentWithdrawn", subject)
                .replaceAll("\"withdrawnAt\":\"[^\"]*\"", "\"withdrawnAt\":\"2020-01-01T00:00:00Z\"");
        try (EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.CONSENT))) {
            events.sendAll(java.util.List.of(EventProbe.withHeader(EventProbe.record(Topics.CONSENT,
                    java.util.UUID.randomUUID().toString(), "ConsentWithdrawn", subject, backDated), "ce_source", "/retention-service")));

            var dead = deadLetters.awaitDeadLetter(subject, "retention-service.consent-events");
            assertThat(EventProbe.header(dead, "dead-letter-reason")).contains("ce_source is not consent.events's owner");
        }
        // nothing fell due: the subscription is kept until its backstop, three years after its registration
        String backstop = RetentionApi.schedule(subject).extract().path("find { it.category == 'newsletter' }.lastContactOn");
        RetentionApi.schedule(subject).body("find { it.category == 'newsletter' }.dueOn",
                equalTo(java.time.LocalDate.parse(backstop).plusYears(3).toString()))
                .body("find { it.category == 'newsletter' }.status", equalTo("HELD"));
    }

    @Test
    void aGrantHasNothingToApplyHereAndPassesWithoutATransactionYetAForgedOneIsSetAside() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "newsletter", null).statusCode(201);
        String grantId = UUID.randomUUID().toString();
        String forged = EventProbe.sample(Topics.CONSENT, "ConsentGranted", subject);
        try (EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.CONSENT))) {
            events.sendAll(java.util.List.of(
                    EventProbe.record(Topics.CONSENT, grantId, "ConsentGranted", subject, forged),
                    // a type this consumer passes over is still checked against the contract
                    EventProbe.withHeader(EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(),
                            "ConsentGranted", subject, forged), "ce_source", "/retention-service")));
            var dead = deadLetters.awaitDeadLetter(subject, "retention-service.consent-events");
            assertThat(EventProbe.header(dead, "dead-letter-reason")).contains("ce_source is not consent.events's owner");
        }
        String withdrawalId = events.send(Topics.CONSENT, "ConsentWithdrawn", subject, "{\"subjectId\":\"" + subject
                + "\",\"purposeId\":\"newsletter\",\"legalBasis\":\"CONSENT\",\"noticeVersion\":\"1.0\",\"source\":\"web\","
                + "\"reason\":\"WITHDRAWN\",\"directMarketing\":true,\"withdrawnAt\":\"2026-03-02T09:30:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(subject)
                .body("find { it.category == 'newsletter' }.dueOn", equalTo("2026-03-02")));
        // the withdrawal came after the grant on the subject's partition: the grant was passed, and left no inbox row
        assertThat(processed(withdrawalId)).isTrue();
        assertThat(processed(grantId)).isFalse();
    }

    private boolean processed(String eventId) {
        return RetentionApi.processed(entityManager, eventId);
    }
}
