package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Art. 18(2): while a subject is restricted, purposes the DPO marks as serving legal claims go on (on their own legal
 * basis); everything else is storage only.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LegalClaimsTest {

    private static EventProbe events;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theReferencePurposesThatServeLegalClaimsAreMarked() {
        given().when().get("/purposes").then().statusCode(200)
                .body("find { it.id == 'transaction-proof' }.legalClaims", equalTo(true))
                .body("find { it.id == 'authority-requests' }.legalClaims", equalTo(true))
                .body("find { it.id == 'fraud-prevention' }.legalClaims", equalTo(false))
                .body("find { it.id == 'accounting' }.legalClaims", equalTo(false))
                .body("find { it.id == 'personalised-marketing' }.legalClaims", equalTo(false))
                .body("find { it.id == 'newsletter' }.legalClaims", equalTo(false));
    }

    @Test
    void whileRestrictedAPurposeServingLegalClaimsGoesOnAndTheRestIsStorageOnly() {
        String subject = ConsentResourceTest.subject();
        String objector = ConsentResourceTest.subject();
        clock.set(Instant.parse("2028-02-29T22:59:59Z")); // 23:59:59 in Paris, a leap day
        ConsentApi.grant(subject, "newsletter");
        // an objection (Art. 21) the DPO upheld before the restriction
        events.send(Topics.RIGHTS, "ObjectionRecorded", objector, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + objector + "\",\"purposeIds\":[\"transaction-proof\"],"
                + "\"directMarketingOnly\":false,\"recordedAt\":\"2028-02-29T22:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(objector, "transaction-proof")
                .body("reason", equalTo("OBJECTED")));
        restrict(subject, "2028-02-29T23:00:00Z");
        restrict(objector, "2028-02-29T23:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("reason", equalTo("RESTRICTED")).body("storageOnly", equalTo(true)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(objector, "accounting")
                .body("reason", equalTo("RESTRICTED")));

        clock.set(Instant.parse("2028-03-01T08:00:00Z"));
        ConsentApi.decision(subject, "transaction-proof").body("allowed", equalTo(true))
                .body("legalBasis", equalTo("LEGITIMATE_INTEREST")).body("reason", equalTo("LEGAL_CLAIMS_DURING_RESTRICTION"))
                .body("storageOnly", equalTo(false)).body("detail", containsString("Art. 18(2)"))
                .body("detail", containsString("legal claims"));
        ConsentApi.decision(subject, "authority-requests").body("allowed", equalTo(true))
                .body("legalBasis", equalTo("LEGAL_OBLIGATION")).body("reason", equalTo("LEGAL_CLAIMS_DURING_RESTRICTION"));
        // not marked: storage only
        for (String purpose : new String[] { "fraud-prevention", "accounting", "training-access", "newsletter" }) {
            ConsentApi.decision(subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED"))
                    .body("storageOnly", equalTo(true));
        }
        // the purpose's own basis still counts: the objection is not overridden by the restriction's exception
        ConsentApi.decision(objector, "transaction-proof").body("allowed", equalTo(false))
                .body("reason", equalTo("RESTRICTED")).body("storageOnly", equalTo(true));
        ConsentApi.decision(objector, "authority-requests").body("reason", equalTo("LEGAL_CLAIMS_DURING_RESTRICTION"));

        // the batch answers as the single decision does
        batch("transaction-proof", subject, objector).statusCode(200)
                .body("[0].allowed", equalTo(true)).body("[0].reason", equalTo("LEGAL_CLAIMS_DURING_RESTRICTION"))
                .body("[1].allowed", equalTo(false)).body("[1].reason", equalTo("RESTRICTED"));

        lift(subject);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "transaction-proof")
                .body("allowed", equalTo(true)).body("reason", equalTo("LEGITIMATE_INTEREST")));
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("CONSENT_GIVEN"));
    }

    @Test
    void theDpoMarksAPurposeAndRestrictedSubjectsAreAnsweredAtOnce() {
        String purpose = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        dpoPut(purpose, body("LEGITIMATE_INTEREST", false, "1.0")).statusCode(201).body("legalClaims", equalTo(false));
        String subject = ConsentResourceTest.subject();
        restrict(subject, "2026-11-26T10:00:00Z");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, purpose)
                .body("reason", equalTo("RESTRICTED")));

        // marking it is a change of the purpose: published, and the decisions answer from the commit
        dpoPut(purpose, body("LEGITIMATE_INTEREST", true, "1.0")).statusCode(200).body("legalClaims", equalTo(true));
        ConsentApi.decision(subject, purpose).body("allowed", equalTo(true))
                .body("reason", equalTo("LEGAL_CLAIMS_DURING_RESTRICTION"));
        given().when().get("/purposes/" + purpose).then().body("legalClaims", equalTo(true));
        CloudEvent marked = events.await("purpose:" + purpose, e -> e.data().path("legalClaims").asBoolean(false));
        assertThat(marked.data().path("noticeVersion").asText()).isEqualTo("1.0");
        assertThat(events.count("purpose:" + purpose, "PurposePublished")).isEqualTo(2);

        // the same body again changes nothing; a PUT without the flag unmarks it
        dpoPut(purpose, body("LEGITIMATE_INTEREST", true, "1.0")).statusCode(200);
        dpoPut(purpose, body("LEGITIMATE_INTEREST", null, "1.0")).statusCode(200).body("legalClaims", equalTo(false));
        ConsentApi.decision(subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.count("purpose:" + purpose, "PurposePublished") >= 3);
        assertThat(events.eventsFor("purpose:" + purpose)).extracting(e -> e.data().path("legalClaims").asBoolean())
                .containsExactly(false, true, false);
    }

    @Test
    void aConsentOrDirectMarketingPurposeCannotServeLegalClaimsAndOnlyTheDpoMarks() {
        String purpose = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        dpoPut(purpose, body("CONSENT", true, "1.0")).statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", hasItem("legalClaims"));
        dpoPut(purpose, body("LEGITIMATE_INTEREST", true, "1.0").replace("\"legalBasis\"", "\"directMarketing\":true,\"legalBasis\""))
                .statusCode(400).contentType(ConsentApi.PROBLEM).body("errors.field", hasItem("legalClaims"));
        dpoPut(purpose, body("CONTRACT", "yes", "1.0")).statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", hasItem("legalClaims"));
        given().when().get("/purposes/" + purpose).then().statusCode(404);
        assertThat(events.count("purpose:" + purpose, "PurposePublished")).isZero();

        // a reference purpose cannot be marked by anyone but the DPO; it stays marked
        String body = body("LEGITIMATE_INTEREST", false, "1.0");
        given().contentType(ContentType.JSON).body(body).when().put("/purposes/transaction-proof").then().statusCode(401)
                .contentType(ConsentApi.PROBLEM);
        for (String token : new String[] { TestTokens.service(), TestTokens.dataSubject("alice"), TestTokens.auditor() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/purposes/transaction-proof")
                    .then().statusCode(403).contentType(ConsentApi.PROBLEM);
        }
        given().when().get("/purposes/transaction-proof").then().body("legalClaims", equalTo(true));
    }

    private static void restrict(String subject, String at) {
        events.send(Topics.RIGHTS, "ProcessingRestricted", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"restrictedAt\":\"" + at + "\"}");
    }

    private static void lift(String subject) {
        events.send(Topics.RIGHTS, "RestrictionLifted", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"subjectInformedAt\":\"2026-11-26T11:00:00Z\","
                + "\"liftedAt\":\"2026-11-26T11:00:00Z\"}");
    }

    private static ValidatableResponse batch(String purposeId, String... subjects) {
        return given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"purposeId\":\"" + purposeId + "\",\"subjectIds\":[\"" + String.join("\",\"", subjects) + "\"]}")
                .when().post("/decisions").then();
    }

    private static ValidatableResponse dpoPut(String id, String body) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body)
                .when().put("/purposes/" + id).then();
    }

    /** {@code legalClaims}: a boolean, null to leave it out, or a string to send something that is not a boolean. */
    private static String body(String basis, Object legalClaims, String version) {
        String flag = legalClaims == null ? ""
                : legalClaims instanceof String s ? "\"legalClaims\":\"" + s + "\"," : "\"legalClaims\":" + legalClaims + ",";
        return "{\"name\":\"Claims purpose\",\"description\":\"A purpose of the tests.\"," + flag + "\"legalBasis\":\""
                + basis + "\",\"notice\":{\"version\":\"" + version + "\",\"text\":\"Text.\"}}";
    }
}
