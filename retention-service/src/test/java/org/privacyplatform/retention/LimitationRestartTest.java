package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Issue 15, item 10: lifting a legal hold on fraud or proceedings data restarts the limitation period from the end of
 * the proceedings; an appeal period is a hold that stands through the last day to appeal the DPO set (a day in Paris) and
 * lifts itself from 00:00 Paris the next day, with the same restart counted from that last day.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LimitationRestartTest {

    private static EventProbe events;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.RETENTION);
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
    void liftingAHoldOnAFraudCaseRestartsFiveYearsFromTheEndOfTheProceedings() {
        clock.set(Instant.parse("2024-02-29T09:00:00Z"));
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "fraud-case", "2018-06-30").statusCode(201).body("dueOn", equalTo("2023-06-30"));
        String holdId = place("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"RG 19/0042\",\"reason\":\"fraud trial\"}")
                .statusCode(201).body("endsOn", nullValue()).extract().path("id");
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD"));

        lift(holdId).statusCode(200).body("endsOn", equalTo("2024-02-29")).body("liftedAt", notNullValue());
        RetentionApi.schedule(subject).body("[0].proceedingsEndedOn", equalTo("2024-02-29"))
                .body("[0].dueOn", equalTo("2029-02-28")).body("[0].legalHolds", hasSize(0));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD"));
        CloudEvent lifted = events.await(subject, "LegalHoldLifted");
        assertThat(lifted.data().path("holdId").asText()).isEqualTo(holdId);
        assertThat(lifted.data().path("endedOn").asText()).isEqualTo("2024-02-29");

        // due on 28 February in Paris: 23:59:59 on the 27th in Paris is 22:59:59 UTC, midnight is 23:00 UTC
        clock.set(Instant.parse("2029-02-27T22:59:59Z"));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD"));
        clock.set(Instant.parse("2029-02-27T23:00:00Z"));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("EXPIRED"));
        CloudEvent expired = events.await(subject, "RetentionExpired");
        assertThat(expired.data().path("dueOn").asText()).isEqualTo("2029-02-28");
    }

    @Test
    void anAppealPeriodIsAHoldThatStandsThroughItsLastDayAndRestartsFromThatDay() {
        clock.set(Instant.parse("2025-01-31T10:00:00Z"));
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "fraudster-list", "2019-03-31").statusCode(201).body("dueOn", equalTo("2024-03-31"));
        RetentionApi.register(subject, "call-recording", "2024-06-30").statusCode(201).body("dueOn", equalTo("2024-12-30"));
        String holdId = place("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"CA 25/7\",\"reason\":\"appeal period\","
                + "\"endsOn\":\"2025-03-31\"}").statusCode(201).body("endsOn", equalTo("2025-03-31"))
                .body("liftedAt", nullValue()).extract().path("id");
        CloudEvent placed = events.await(subject, "LegalHoldPlaced");
        assertThat(placed.data().path("endsOn").asText()).isEqualTo("2025-03-31");

        // an appeal can still be lodged all through 31 March: in Paris (summer time) that day is 30 March 22:00 to
        // 31 March 22:00 UTC
        for (String instant : new String[] { "2025-03-30T22:00:00Z", "2025-03-31T00:30:00Z", "2025-03-31T21:59:59Z" }) {
            clock.set(Instant.parse(instant));
            RetentionApi.sweep();
            RetentionApi.schedule(subject).body("status", equalTo(java.util.List.of("HELD", "HELD")))
                    .body("[0].legalHolds[0].id", equalTo(holdId));
        }

        // the sweep runs late: the proceedings still ended on the hold's end date
        clock.set(Instant.parse("2025-04-02T08:00:00Z"));
        given().auth().oauth2(TestTokens.dpo()).when().post("/sweeps").then().statusCode(200)
                .body("holdsLifted", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(TestTokens.dpo()).queryParam("active", false).queryParam("size", 500).when().get("/legal-holds")
                .then().statusCode(200).body("find { it.id == '" + holdId + "' }.liftedAt", notNullValue())
                .body("find { it.id == '" + holdId + "' }.endsOn", equalTo("2025-03-31"));
        RetentionApi.schedule(subject)
                .body("find { it.category == 'fraudster-list' }.status", equalTo("HELD"))
                .body("find { it.category == 'fraudster-list' }.proceedingsEndedOn", equalTo("2025-03-31"))
                .body("find { it.category == 'fraudster-list' }.dueOn", equalTo("2030-03-31"))
                // call recordings do not restart: what fell due meanwhile expired at once
                .body("find { it.category == 'call-recording' }.status", equalTo("EXPIRED"))
                .body("find { it.category == 'call-recording' }.proceedingsEndedOn", nullValue());
        CloudEvent lifted = events.await(subject, "LegalHoldLifted");
        assertThat(lifted.data().path("endedOn").asText()).isEqualTo("2025-03-31");
        lift(holdId).statusCode(409).contentType(RetentionApi.PROBLEM);
        assertThat(events.count(subject, "LegalHoldLifted")).isEqualTo(1);
    }

    @Test
    void anAppealPeriodEndingOn28FebruaryStandsUntilMidnightInParis() {
        clock.set(Instant.parse("2027-01-15T10:00:00Z"));
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "fraudster-list", "2021-06-30").statusCode(201).body("dueOn", equalTo("2026-06-30"));
        RetentionApi.register(subject, "call-recording", "2026-06-30").statusCode(201).body("dueOn", equalTo("2026-12-30"));
        String holdId = place("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"CA 27/2\",\"reason\":\"appeal period\","
                + "\"endsOn\":\"2027-02-28\"}").statusCode(201).extract().path("id");

        // 23:59 on 28 February in Paris (winter time): still the last day to appeal
        clock.set(Instant.parse("2027-02-28T22:59:59Z"));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("status", equalTo(java.util.List.of("HELD", "HELD")))
                .body("[0].legalHolds[0].id", equalTo(holdId));

        // 00:00 on 1 March in Paris: the appeal period is over
        clock.set(Instant.parse("2027-02-28T23:00:00Z"));
        RetentionApi.sweep();
        RetentionApi.schedule(subject)
                .body("find { it.category == 'fraudster-list' }.status", equalTo("HELD"))
                .body("find { it.category == 'fraudster-list' }.legalHolds", hasSize(0))
                .body("find { it.category == 'fraudster-list' }.proceedingsEndedOn", equalTo("2027-02-28"))
                .body("find { it.category == 'fraudster-list' }.dueOn", equalTo("2032-02-28"))
                .body("find { it.category == 'call-recording' }.status", equalTo("EXPIRED"));
        CloudEvent lifted = events.await(subject, "LegalHoldLifted");
        assertThat(lifted.data().path("holdId").asText()).isEqualTo(holdId);
        assertThat(lifted.data().path("endedOn").asText()).isEqualTo("2027-02-28");
    }

    @Test
    void anAppealPeriodEndingOnALeapDayStandsThroughItAndRestartsFromIt() {
        clock.set(Instant.parse("2028-02-01T10:00:00Z"));
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "fraud-case", "2022-12-31").statusCode(201).body("dueOn", equalTo("2027-12-31"));
        String holdId = place("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"CA 28/29\",\"reason\":\"appeal period\","
                + "\"endsOn\":\"2028-02-29\"}").statusCode(201).body("endsOn", equalTo("2028-02-29")).extract().path("id");

        clock.set(Instant.parse("2028-02-29T22:59:59Z"));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].legalHolds[0].id", equalTo(holdId))
                .body("[0].proceedingsEndedOn", nullValue());

        clock.set(Instant.parse("2028-02-29T23:00:00Z"));
        RetentionApi.sweep();
        // five years from 29 February 2028 is 28 February 2033 (java.time's reading, the earlier of the two)
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD")).body("[0].legalHolds", hasSize(0))
                .body("[0].proceedingsEndedOn", equalTo("2028-02-29")).body("[0].dueOn", equalTo("2033-02-28"));
        assertThat(events.await(subject, "LegalHoldLifted").data().path("endedOn").asText()).isEqualTo("2028-02-29");
    }

    @Test
    void theDpoLiftingAHoldAfterMidnightInParisEndsTheProceedingsThatParisDay() {
        clock.set(Instant.parse("2027-02-01T10:00:00Z"));
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "fraud-case", "2021-06-30").statusCode(201).body("dueOn", equalTo("2026-06-30"));
        String holdId = place("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"RG 27/3\",\"reason\":\"fraud trial\"}")
                .statusCode(201).extract().path("id");

        // 23:30 UTC on 1 March is 00:30 on 2 March in Paris
        clock.set(Instant.parse("2027-03-01T23:30:00Z"));
        lift(holdId).statusCode(200).body("endsOn", equalTo("2027-03-02"));
        RetentionApi.schedule(subject).body("[0].proceedingsEndedOn", equalTo("2027-03-02"))
                .body("[0].dueOn", equalTo("2032-03-02"));
    }

    @Test
    void liftingACategoryHoldRestartsEveryHoldingOfTheCategoryByTheRulesOwnLimitationPeriod() {
        clock.set(Instant.parse("2024-01-31T12:00:00Z"));
        String rule = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"COLLECTION\",\"period\":\"P1M\","
                        + "\"endAction\":\"DELETE\",\"ground\":\"test\",\"restartAfterHold\":true,\"limitationPeriod\":\"P1M\"}")
                .when().put("/policies/" + rule).then().statusCode(201).body("restartAfterHold", equalTo(true))
                .body("limitationPeriod", equalTo("P1M")).body("backstop", nullValue());
        String first = RetentionApi.subject();
        String second = RetentionApi.subject();
        RetentionApi.register(first, rule, "2023-10-31").statusCode(201).body("dueOn", equalTo("2023-11-30"));
        RetentionApi.register(second, rule, "2024-01-15").statusCode(201).body("dueOn", equalTo("2024-02-15"));
        String holdId = place("{\"category\":\"" + rule + "\",\"caseReference\":\"CASE-9\",\"reason\":\"class action\"}")
                .statusCode(201).extract().path("id");

        lift(holdId).statusCode(200).body("endsOn", equalTo("2024-01-31"));
        // one month from 31 January 2024 is 29 February; the later date wins for the second subject too
        RetentionApi.schedule(first).body("[0].dueOn", equalTo("2024-02-29"));
        RetentionApi.schedule(second).body("[0].dueOn", equalTo("2024-02-29"));
        RetentionApi.sweep();
        RetentionApi.schedule(first).body("[0].status", equalTo("HELD"));
    }

    @Test
    void aHoldEndingInThePastIs400NamingTheFieldAndWritesNothing() {
        clock.set(Instant.parse("2025-06-30T12:00:00Z"));
        String caseReference = "PAST-" + UUID.randomUUID();
        place("{\"subjectId\":\"someone\",\"caseReference\":\"" + caseReference + "\",\"reason\":\"r\",\"endsOn\":\"2025-06-29\"}")
                .statusCode(400).contentType(RetentionApi.PROBLEM).body("errors.field", hasItem("endsOn"));
        place("{\"subjectId\":\"someone\",\"caseReference\":\"" + caseReference + "\",\"reason\":\"r\",\"endsOn\":\"2025-02-30\"}")
                .statusCode(400).contentType(RetentionApi.PROBLEM).body("errors.field", hasItem("endsOn"));
        Number written = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("select count(*) from legal_hold where case_reference = ?1").setParameter(1, caseReference)
                .getSingleResult());
        assertThat(written.longValue()).isZero();

        // ending today is allowed: it stands through today and a sweep lifts it from tomorrow
        place("{\"subjectId\":\"someone\",\"caseReference\":\"" + caseReference + "\",\"reason\":\"r\",\"endsOn\":\"2025-06-30\"}")
                .statusCode(201).body("endsOn", equalTo("2025-06-30"));

        // 23:30 UTC on 30 June is 1 July in Paris: 30 June is past
        clock.set(Instant.parse("2025-06-30T23:30:00Z"));
        place("{\"subjectId\":\"someone\",\"caseReference\":\"" + caseReference + "-2\",\"reason\":\"r\",\"endsOn\":\"2025-06-30\"}")
                .statusCode(400).contentType(RetentionApi.PROBLEM).body("errors.field", hasItem("endsOn"));
        place("{\"subjectId\":\"someone\",\"caseReference\":\"" + caseReference + "-2\",\"reason\":\"r\",\"endsOn\":\"2025-07-01\"}")
                .statusCode(201).body("endsOn", equalTo("2025-07-01"));
    }

    @Test
    void onlyTheDpoPlacesHoldsWithAnEndDate() {
        String body = "{\"subjectId\":\"someone\",\"caseReference\":\"C\",\"reason\":\"r\",\"endsOn\":\"2099-01-01\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/legal-holds").then().statusCode(401);
        for (String token : new String[] { TestTokens.service(), TestTokens.dataSubject("someone"), TestTokens.auditor() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/legal-holds")
                    .then().statusCode(403).contentType(RetentionApi.PROBLEM);
        }
        given().when().delete("/legal-holds/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(TestTokens.auditor()).when().delete("/legal-holds/" + UUID.randomUUID()).then().statusCode(403);
    }

    private static ValidatableResponse place(String body) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body).when().post("/legal-holds")
                .then();
    }

    private static ValidatableResponse lift(String holdId) {
        return given().auth().oauth2(TestTokens.dpo()).when().delete("/legal-holds/" + holdId).then();
    }
}
