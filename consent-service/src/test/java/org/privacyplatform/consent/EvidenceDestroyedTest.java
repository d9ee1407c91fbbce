package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.SubjectTraces;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Issue 13: the pseudonymous consent proof goes when the erased subject's evidence falls due (RetentionExpired). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class EvidenceDestroyedTest {

    private static EventProbe events;

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    static String retentionExpired(String pseudonym, String category, String system) {
        return "{\"holdingId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\"" + pseudonym + "\",\"category\":\"" + category
                + "\",\"system\":\"" + system + "\",\"reference\":\"erasure-evidence\",\"ruleId\":\"" + category
                + "\",\"ruleVersion\":1,\"anchorDate\":\"2021-01-01\",\"dueOn\":\"2026-01-01\","
                + "\"expiredAt\":\"2026-01-01T03:00:00Z\"}";
    }

    private void erase(String subject) {
        events.send(Topics.RIGHTS, "ErasureRequested", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"requestedAt\":\"2026-11-26T10:00:00Z\"}");
        events.await(subject, "ErasureCompleted");
    }

    private io.restassured.response.ValidatableResponse proof(String subject) {
        return given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", subject).then()
                .statusCode(200);
    }

    @Test
    void theEvidenceFallingDueDeletesThePseudonymousProofAndNothingElse() {
        String subject = ConsentResourceTest.subject();
        String pseudonym = pseudonyms.of(subject);
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.refuse(subject, "newsletter");
        erase(subject);
        String neighbour = ConsentResourceTest.subject();
        ConsentApi.grant(neighbour, "newsletter");
        erase(neighbour);
        proof(subject).body("", hasSize(2));
        assertThat(SubjectTraces.columnsHolding(entityManager, subject, SubjectTraces.UNTIL_PURGED)).isEmpty();

        // another category's expiry about the same pseudonym changes nothing
        events.send(Topics.RETENTION, "RetentionExpired", pseudonym,
                retentionExpired(pseudonym, "accounting", "billing"));
        events.send(Topics.RETENTION, "RetentionExpired", pseudonym, retentionExpired(pseudonym, "audit-evidence", "audit-service"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> proof(subject).body("", hasSize(0)));
        // only the marketing suppression list keeps the pseudonym (she withdrew from the newsletter): it outlives the
        // evidence, by its own rule (Art. 21(3))
        assertThat(SubjectTraces.columnsHolding(entityManager, pseudonym, SubjectTraces.UNTIL_PURGED))
                .containsExactly("marketing_suppression.pseudonym");
        // the neighbour's proof stays until their own evidence falls due
        proof(neighbour).body("", hasSize(1));
    }

    @Test
    void anExpiryForgedByAnotherWriterDeletesNothingAndIsSetAside() {
        String subject = ConsentResourceTest.subject();
        String pseudonym = pseudonyms.of(subject);
        ConsentApi.grant(subject, "newsletter");
        erase(subject);
        try (EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.RETENTION))) {
            events.sendAll(java.util.List.of(EventProbe.withHeader(EventProbe.record(Topics.RETENTION,
                    UUID.randomUUID().toString(), "RetentionExpired", pseudonym,
                    retentionExpired(pseudonym, "audit-evidence", "audit-service")), "ce_source", "/consent-service")));
            var dead = deadLetters.awaitDeadLetter(pseudonym, "consent-service.retention-events");
            assertThat(EventProbe.header(dead, "dead-letter-reason")).contains("ce_source is not retention.events's owner");
        }
        proof(subject).body("", hasSize(1));
    }
}
