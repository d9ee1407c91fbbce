package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.commons.testing.SubjectTraces;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Issue 13: once an erasure completes, what retention keeps is keyed by the pseudonym, the evidence is held by rule
 * audit-evidence, and the sweep tells the audit and consent services to destroy it when it falls due.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ErasureEvidenceTest {

    private static EventProbe events;

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.RETENTION);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String requestCompleted(String requestId, String subject, String type, String status, String at) {
        return "{\"requestId\":\"" + requestId + "\",\"subjectId\":\"" + subject + "\",\"type\":\"" + type
                + "\",\"status\":\"" + status + "\",\"at\":\"" + at + "\",\"dueAt\":null,\"note\":\"" + status + "\"}";
    }

    @Test
    void aCompletedErasureKeysWhatIsKeptByThePseudonymAndTheSweepExpiresTheEvidence() {
        String subject = RetentionApi.subject();
        String pseudonym = pseudonyms.of(subject);
        RetentionApi.register(TestTokens.service(), subject, "accounting", "invoice of " + subject, "2025-06-01").statusCode(201);
        RetentionApi.register(subject, "prospect", "2026-01-05").statusCode(201);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"" + subject + "\",\"category\":\"fraud-case\",\"caseReference\":\"RG-" + subject
                        + "\",\"reason\":\"claim by " + subject + " pending\"}")
                .when().post("/legal-holds").then().statusCode(201);
        String requestId = UUID.randomUUID().toString();
        events.send(Topics.RIGHTS, "ErasureRequested", subject, "{\"requestId\":\"" + requestId + "\",\"subjectId\":\""
                + subject + "\",\"requestedAt\":\"2020-06-01T09:00:00Z\"}");
        events.await(subject, "ErasureCompleted");

        // the erasure completed long ago: its evidence fell due five years later
        String completedId = events.send(Topics.RIGHTS, "RequestCompleted", subject,
                requestCompleted(requestId, subject, "ERASURE", "PARTIALLY_COMPLETED", "2020-06-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(pseudonym)
                .body("find { it.category == 'audit-evidence' }.system", equalTo("audit-service")));
        RetentionApi.schedule(pseudonym)
                .body("find { it.category == 'audit-evidence' }.ruleId", equalTo("audit-evidence"))
                .body("find { it.category == 'audit-evidence' }.anchorDate", equalTo("2020-06-01"))
                .body("find { it.category == 'audit-evidence' }.dueOn", equalTo("2025-06-01"))
                .body("find { it.category == 'accounting' }.status", equalTo("HELD"))
                .body("find { it.category == 'accounting' }.reference", equalTo("invoice of " + pseudonym))
                .body("find { it.category == 'prospect' }.status", equalTo("ERASED"));
        RetentionApi.schedule(subject).body("", hasSize(0));
        given().auth().oauth2(TestTokens.dpo()).when().get("/legal-holds").then().statusCode(200)
                .body("find { it.caseReference == 'RG-" + pseudonym + "' }.subjectId", equalTo(pseudonym))
                .body("find { it.caseReference == 'RG-" + pseudonym + "' }.reason", equalTo("claim by " + pseudonym + " pending"));
        assertThat(SubjectTraces.columnsHolding(entityManager, subject, SubjectTraces.UNTIL_PURGED)).isEmpty();

        // the DPO and auditors see what is still kept, by the id the claimant presents
        for (String token : List.of(TestTokens.dpo(), TestTokens.auditor())) {
            given().auth().oauth2(token).when().get("/subjects/{s}/retained", subject).then().statusCode(200)
                    .body("category", org.hamcrest.Matchers.hasItems("audit-evidence", "accounting"))
                    .body("category", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("prospect")))
                    .body("keptUnder", org.hamcrest.Matchers.everyItem(equalTo("PSEUDONYM")))
                    .body("subjectKey", org.hamcrest.Matchers.everyItem(equalTo(pseudonym)))
                    .body("find { it.category == 'audit-evidence' }.system", equalTo("audit-service"))
                    .body("find { it.category == 'audit-evidence' }.ruleId", equalTo("audit-evidence"))
                    .body("find { it.category == 'audit-evidence' }.dueOn", equalTo("2025-06-01"))
                    .body("find { it.category == 'audit-evidence' }.what", org.hamcrest.Matchers.containsString("consent proof"))
                    .body("find { it.category == 'accounting' }.dueOn", equalTo("2035-12-31"));
        }
        // nobody else: the subject themselves, a calling system, no token; a malformed id is refused
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/retained", subject).then()
                .statusCode(403).contentType(RetentionApi.PROBLEM);
        given().auth().oauth2(TestTokens.service()).when().get("/subjects/{s}/retained", subject).then().statusCode(403);
        given().when().get("/subjects/{s}/retained", subject).then().statusCode(401);
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/retained", "not a subject id").then()
                .statusCode(400).contentType(RetentionApi.PROBLEM);

        // delivered again: applied once (one evidence holding)
        events.send(Topics.RIGHTS, completedId, "RequestCompleted", subject,
                requestCompleted(requestId, subject, "ERASURE", "PARTIALLY_COMPLETED", "2020-06-01T10:00:00Z"));

        RetentionApi.sweep();
        CloudEvent expired = events.await(pseudonym, e -> e.type().equals("RetentionExpired")
                && e.data().path("category").asText().equals("audit-evidence"));
        assertThat(expired.subject()).isEqualTo(pseudonym);
        assertThat(expired.data().path("subjectId").asText()).isEqualTo(pseudonym);
        assertThat(expired.data().path("system").asText()).isEqualTo("audit-service");
        assertThat(expired.data().path("ruleId").asText()).isEqualTo("audit-evidence");
        assertThat(expired.data().toString()).doesNotContain(subject);
        assertThat(events.count(pseudonym, "RetentionExpired")).isEqualTo(1);
        RetentionApi.schedule(pseudonym).body("findAll { it.category == 'audit-evidence' }", hasSize(1))
                .body("find { it.category == 'audit-evidence' }.status", equalTo("EXPIRED"));
    }

    @Test
    void theEvidenceIsKeptFiveYearsFromTheErasureByDefaultAndALaterErasureMovesTheDate() {
        String subject = RetentionApi.subject();
        String pseudonym = pseudonyms.of(subject);
        events.send(Topics.RIGHTS, "RequestCompleted", subject,
                requestCompleted(UUID.randomUUID().toString(), subject, "ERASURE", "COMPLETED", "2024-02-29T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(pseudonym)
                .body("find { it.category == 'audit-evidence' }.dueOn", equalTo("2029-02-28")));

        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        events.send(Topics.RIGHTS, "RequestCompleted", subject, requestCompleted(UUID.randomUUID().toString(), subject,
                "ERASURE", "COMPLETED", java.time.OffsetDateTime.now(ZoneOffset.UTC).toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(pseudonym)
                .body("find { it.category == 'audit-evidence' }.anchorDate", equalTo(today)));
        RetentionApi.schedule(pseudonym).body("", hasSize(1))
                .body("[0].dueOn", equalTo(LocalDate.parse(today).plusYears(5).toString()));
    }

    @Test
    void theEvidenceCountsFromTheParisDayTheErasureCompleted() {
        clock.set(Instant.parse("2027-03-01T23:45:00Z"));
        String subject = RetentionApi.subject();
        String pseudonym = pseudonyms.of(subject);
        // 23:30 UTC on 1 March is 00:30 on 2 March in Paris
        events.send(Topics.RIGHTS, "RequestCompleted", subject,
                requestCompleted(UUID.randomUUID().toString(), subject, "ERASURE", "COMPLETED", "2027-03-01T23:30:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(pseudonym)
                .body("find { it.category == 'audit-evidence' }.anchorDate", equalTo("2027-03-02"))
                .body("find { it.category == 'audit-evidence' }.dueOn", equalTo("2032-03-02")));
    }

    @Test
    void otherRequestsAndRejectedErasuresKeyNothingByThePseudonym() {
        String subject = RetentionApi.subject();
        String pseudonym = pseudonyms.of(subject);
        RetentionApi.register(subject, "accounting", "2025-06-01").statusCode(201);
        List<String> sent = List.of(
                events.send(Topics.RIGHTS, "RequestCompleted", subject, requestCompleted(UUID.randomUUID().toString(),
                        subject, "ACCESS", "COMPLETED", "2026-01-01T10:00:00Z")),
                events.send(Topics.RIGHTS, "RequestCompleted", subject, requestCompleted(UUID.randomUUID().toString(),
                        subject, "ERASURE", "REJECTED", "2026-01-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(this::processed));
        RetentionApi.schedule(subject).body("", hasSize(1)).body("[0].category", equalTo("accounting"));
        RetentionApi.schedule(pseudonym).body("", hasSize(0));
    }

    private boolean processed(String eventId) {
        return RetentionApi.processed(entityManager, eventId);
    }
}
