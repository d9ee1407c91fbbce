package org.privacyplatform.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
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
import org.privacyplatform.consent.service.ConsentService;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Art. 21(3): a subject who objected to direct marketing and was then erased stays on a suppression list by pseudonym,
 * so a copy of them that comes back is not marketed to; the list keeps the pseudonym alone, for three years after the
 * objection (counted in Paris days), and a new choice of theirs lifts it.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MarketingSuppressionTest {

    private static EventProbe events;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    ConsentService consents;

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
    void anObjectorErasedStaysSuppressedByPseudonymUntilANewChoiceOfTheirs() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2027-02-27T12:00:00Z"));
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.grant(subject, "cookies-consent");
        // 00:30 on 1 March in Paris: the objection's day there is 1 March, and 2030 + 3 years has no 29 February to trip on
        clock.set(Instant.parse("2027-02-28T23:30:00Z"));
        ConsentApi.refuse(subject, "personalised-marketing");
        clock.set(Instant.parse("2027-02-28T23:20:00Z"));
        ConsentApi.refuse(subject, "newsletter");

        JsonNode completed = erase(subject);
        JsonNode suppression = kept(completed, "marketing-suppression");
        assertThat(suppression).as("what the erasure kept: %s", completed).isNotNull();
        assertThat(suppression.path("count").asLong()).isEqualTo(1);
        assertThat(suppression.path("ground").asText()).contains("Art. 21(3)");
        // the latest objection (00:30 Paris on 1 March 2027) dates it: three years later, 1 March 2030
        assertThat(suppression.path("keptUntil").asText()).isEqualTo("2030-03-01");

        // the list holds the pseudonym and dates, never the subject id
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select pseudonym, keep_until::text from marketing_suppression where pseudonym = ?1")
                .setParameter(1, pseudonyms.of(subject)).getResultList());
        assertThat(rows).hasSize(1);
        assertThat(((Object[]) rows.get(0))[1]).isEqualTo("2030-03-01");
        Long withTheId = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from marketing_suppression where pseudonym = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
        assertThat(withTheId).isZero();

        // a copy of the subject that comes back (a restored backup) is not marketed to, on either basis
        clock.set(Instant.parse("2028-06-01T09:00:00Z"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false))
                .body("reason", equalTo("SUPPRESSED_AFTER_ERASURE")).body("detail", containsString("Art. 21(3)"));
        ConsentApi.decision(subject, "personalised-marketing").body("allowed", equalTo(false))
                .body("reason", equalTo("SUPPRESSED_AFTER_ERASURE"));
        // other purposes are not marketing: the list does not touch them
        ConsentApi.decision(subject, "cookies-consent").body("reason", equalTo("NO_CONSENT"));
        ConsentApi.decision(subject, "fraud-prevention").body("allowed", equalTo(true))
                .body("reason", equalTo("LEGITIMATE_INTEREST"));

        // the subject chooses again: their new consent counts, for that purpose only
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
        ConsentApi.decision(subject, "personalised-marketing").body("reason", equalTo("SUPPRESSED_AFTER_ERASURE"));

        // erased again after consenting anew, with no objection since: they leave the list
        JsonNode again = erase(subject);
        assertThat(kept(again, "marketing-suppression")).as("what the second erasure kept: %s", again).isNull();
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("NO_CONSENT"));
        ConsentApi.decision(subject, "personalised-marketing").body("allowed", equalTo(true))
                .body("reason", equalTo("LEGITIMATE_INTEREST"));
    }

    @Test
    void aSubjectWhoNeverObjectedLeavesNothingOnTheList() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.refuse(subject, "cookies-consent"); // not marketing
        JsonNode completed = erase(subject);
        assertThat(kept(completed, "marketing-suppression")).as("what the erasure kept: %s", completed).isNull();
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("NO_CONSENT"));
    }

    @Test
    void thePseudonymLeavesTheListTheDayAfterItsKeepUntil() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2026-12-31T22:59:00Z")); // 23:59 on 31 December in Paris
        ConsentApi.refuse(subject, "newsletter");
        assertThat(kept(erase(subject), "marketing-suppression").path("keptUntil").asText()).isEqualTo("2029-12-31");

        clock.set(Instant.parse("2029-12-31T22:59:00Z")); // still 31 December 2029 in Paris: kept
        consents.dropLapsedSuppressions();
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("SUPPRESSED_AFTER_ERASURE"));
        clock.set(Instant.parse("2029-12-31T23:00:00Z")); // 00:00 on 1 January 2030 in Paris: gone
        consents.dropLapsedSuppressions();
        Long left = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from marketing_suppression where pseudonym = ?1").setParameter(1, pseudonyms.of(subject))
                .getSingleResult()).longValue());
        assertThat(left).isZero();
    }

    @Test
    void theSubjectSeesTheSuppressionAsAnObjectionAndLiftsItByAcceptingTheLegitimateInterestAgain() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.refuse(subject, "personalised-marketing");
        erase(subject);

        // what the privacy centre shows: neither marketing purpose runs, as after an objection; the others are untouched
        consents(subject).body("find { it.purposeId == 'personalised-marketing' }.status", equalTo("SUPPRESSED"))
                .body("find { it.purposeId == 'newsletter' }.status", equalTo("SUPPRESSED"))
                .body("find { it.purposeId == 'fraud-prevention' }.status", equalTo("NONE"))
                .body("find { it.purposeId == 'cookies-consent' }.status", equalTo("NONE"));

        // accepting the legitimate interest again is a choice of theirs: recorded (not "nothing to lift"), and it counts
        ConsentApi.grant(subject, "personalised-marketing").body("changed", equalTo(true)).body("status", equalTo("GRANTED"));
        ConsentApi.decision(subject, "personalised-marketing").body("allowed", equalTo(true))
                .body("reason", equalTo("LEGITIMATE_INTEREST"));
        consents(subject).body("find { it.purposeId == 'personalised-marketing' }.status", equalTo("GRANTED"))
                .body("find { it.purposeId == 'newsletter' }.status", equalTo("SUPPRESSED"));
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("SUPPRESSED_AFTER_ERASURE"));
    }

    private static io.restassured.response.ValidatableResponse consents(String subject) {
        return io.restassured.RestAssured.given().auth().oauth2(org.privacyplatform.commons.testing.TestTokens.dataSubject(subject))
                .when().get("/subjects/{s}/consents", subject).then().statusCode(200);
    }

    private static JsonNode erase(String subject) {
        String requestId = UUID.randomUUID().toString();
        events.send(Topics.RIGHTS, UUID.randomUUID().toString(), "ErasureRequested", subject, "{\"requestId\":\""
                + requestId + "\",\"subjectId\":\"" + subject + "\",\"requestedAt\":\"2026-11-26T10:00:00Z\"}");
        CloudEvent completed = events.await(subject,
                e -> e.type().equals("ErasureCompleted") && e.data().path("requestId").asText().equals(requestId));
        return completed.data();
    }

    private static JsonNode kept(JsonNode completed, String category) {
        for (JsonNode kept : completed.path("kept")) {
            if (kept.path("category").asText().equals(category)) {
                return kept;
            }
        }
        return null;
    }
}
