package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Erasure keeps only the pseudonymous proof, reports what it did once, and the history cannot be rewritten. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ErasureTest {

    private static EventProbe events;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void erasureRemovesTheStateKeepsPseudonymousProofAndReportsOnce() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.grant(subject, "cookies-consent");
        ConsentApi.refuse(subject, "newsletter");
        String requestId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String erasure = "{\"requestId\":\"" + requestId + "\",\"subjectId\":\"" + subject
                + "\",\"requestedAt\":\"2026-11-26T10:00:00Z\"}";

        events.send(Topics.RIGHTS, eventId, "ErasureRequested", subject, erasure);

        CloudEvent completed = events.await(subject, "ErasureCompleted");
        assertThat(completed.data().path("requestId").asText()).isEqualTo(requestId);
        assertThat(completed.data().path("system").asText()).isEqualTo("consent-service");
        assertThat(completed.data().path("erased").findValuesAsText("category")).contains("consent-state");
        assertThat(completed.data().path("erased").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(completed.data().path("kept").get(0).path("category").asText()).isEqualTo("consent-history");
        assertThat(completed.data().path("kept").get(0).path("count").asLong()).isEqualTo(3);
        assertThat(completed.data().path("kept").get(0).path("ground").asText()).contains("17(3)(e)");

        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents", subject)
                .then().statusCode(200)
                // no state is left; the direct-marketing purposes show the suppression list she stays on (below)
                .body("findAll { it.status != 'NONE' && it.status != 'SUPPRESSED' }", hasSize(0))
                .body("findAll { it.status == 'SUPPRESSED' }.purposeId", hasItems("newsletter", "personalised-marketing"))
                .body("find { it.purposeId == 'cookies-consent' }.status", equalTo("NONE"));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(0));
        // she withdrew from the newsletter before the erasure: she stays on the marketing suppression list
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false))
                .body("reason", equalTo("SUPPRESSED_AFTER_ERASURE"));
        ConsentApi.decision(subject, "cookies-consent").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
        // the DPO can still demonstrate what was decided, under the pseudonym only
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(3)).body("subjectId", everyItem(matchesPattern("[0-9a-f]{64}")))
                .body("status", equalTo(java.util.List.of("GRANTED", "GRANTED", "WITHDRAWN")))
                .body("noticeVersion", everyItem(equalTo("1.0")))
                // she recorded them herself: the actor was her sub, now the same pseudonym
                .body("actorType", everyItem(equalTo("SUBJECT"))).body("actor", everyItem(matchesPattern("[0-9a-f]{64}")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(subject)));

        // the same event delivered again is applied once: a later event proves the copy was consumed
        events.send(Topics.RIGHTS, eventId, "ErasureRequested", subject, erasure);
        ConsentApi.grant(subject, "newsletter");
        events.await(subject, e -> e.type().equals("ConsentGranted") && events.eventsFor(subject).indexOf(e) > 2);
        assertThat(events.count(subject, "ErasureCompleted")).isEqualTo(1);
    }

    @Test
    void theHistoryRefusesUpdateAndDelete() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, "newsletter");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update consent_record set status = 'WITHDRAWN' where subject_id = ?1")
                .setParameter(1, subject).executeUpdate())).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from consent_record where subject_id = ?1")
                .setParameter(1, subject).executeUpdate())).hasStackTraceContaining("append-only");
        // who recorded a decision cannot be rewritten either
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update consent_record set actor_type = 'SERVICE', actor = 'lms' where subject_id = ?1")
                .setParameter(1, subject).executeUpdate())).hasStackTraceContaining("append-only");

        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject)
                .then().body("status", equalTo(java.util.List.of("GRANTED")));
    }

    @Test
    void anErasureRequestedForgedByAnotherWriterErasesNothingAndIsSetAsideWithItsReason() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, "newsletter");
        try (EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.RIGHTS))) {
            events.sendAll(java.util.List.of(EventProbe.withHeader(EventProbe.record(Topics.RIGHTS, UUID.randomUUID().toString(),
                    "ErasureRequested", subject, EventProbe.sample(Topics.RIGHTS, "ErasureRequested", subject)),
                    "ce_source", "/consent-service")));

            var dead = deadLetters.awaitDeadLetter(subject, "consent-service.rights-events");
            assertThat(EventProbe.header(dead, "dead-letter-reason")).contains("ce_source is not rights.events's owner");
            // the consumer went on: a genuine event after the forged one is applied
            events.send(Topics.RIGHTS, "ProcessingRestricted", subject, EventProbe.sample(Topics.RIGHTS, "ProcessingRestricted", subject));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi
                    .decision(subject, "newsletter").body("reason", equalTo("RESTRICTED")));
        }
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents", subject)
                .then().statusCode(200).body("find { it.purposeId == 'newsletter' }.status", equalTo("GRANTED"));
        assertThat(events.count(subject, "ErasureCompleted")).isZero();
    }
}
