package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.MutableClock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;

/** Every rule of the reference table, expiring on exactly the right day. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReferenceRulesTest {

    private static EventProbe events;

    @Inject
    MutableClock clock;

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
    void theDpoCanChangeEveryShippedRuleItsEventKeepingTheContract() {
        // each change publishes RetentionRuleChanged, which the event contract checks (its anchors included)
        java.util.List<java.util.Map<String, Object>> rules = given().queryParam("size", 500).when().get("/policies").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(rules).isNotEmpty();
        for (java.util.Map<String, Object> rule : rules) {
            java.util.Map<String, Object> body = new java.util.HashMap<>(rule);
            body.keySet().retainAll(java.util.Set.of("category", "description", "anchor", "period", "endAction",
                    "archivePeriod", "consentPurpose", "statutory", "ground", "backstop", "restartAfterHold",
                    "limitationPeriod"));
            given().auth().oauth2(org.privacyplatform.commons.testing.TestTokens.dpo())
                    .contentType(io.restassured.http.ContentType.JSON).body(body).when().put("/policies/{id}", rule.get("id"))
                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        }
    }

    @Test
    void theReferenceTableShipsAsRules() {
        given().when().get("/policies").then().statusCode(200)
                .body("category", hasItems("training", "business-relationship", "transaction-proof", "prospect",
                        "service-operations", "marketing-profile", "accounting", "fraud-alert", "fraud-case",
                        "fraudster-list", "authority-request", "newsletter", "call-recording", "call-analysis", "cookies"))
                .body("find { it.id == 'accounting' }.anchor", equalTo("FISCAL_YEAR_END"))
                .body("find { it.id == 'accounting' }.period", equalTo("P10Y"))
                .body("find { it.id == 'training' }.endAction", equalTo("ARCHIVE"))
                .body("find { it.id == 'training' }.archivePeriod", equalTo("P5Y"))
                .body("find { it.id == 'newsletter' }.anchor", equalTo("UNSUBSCRIBE"))
                .body("find { it.id == 'fraud-alert' }.period", equalTo("P12M"))
                .body("find { it.id == 'cookies' }.period", equalTo("P13M"))
                .body("find { it.id == 'call-recording' }.period", equalTo("P6M"))
                .body("find { it.id == 'call-analysis' }.period", equalTo("P1Y"));
    }

    @Test
    void everyAnchorThatMayNeverComeHasABackstopAndFraudAndProceedingsRestartAfterAHold() {
        java.util.List<java.util.Map<String, Object>> rules = given().queryParam("size", 500).when().get("/policies").then()
                .statusCode(200).extract().jsonPath().getList("$");
        for (java.util.Map<String, Object> rule : rules) {
            boolean open = java.util.Set.of("CONTRACT_END", "CASE_CLOSED", "UNSUBSCRIBE", "END_OF_PROCEEDINGS")
                    .contains(rule.get("anchor"));
            assertThat(rule.get("backstop") != null).as("backstop of " + rule.get("id")).isEqualTo(open);
        }
        java.util.Set<String> restarting = java.util.Set.of("fraud-alert", "fraud-case", "fraudster-list", "authority-request");
        for (String shipped : java.util.List.of("training", "business-relationship", "transaction-proof", "prospect",
                "service-operations", "marketing-profile", "accounting", "fraud-alert", "fraud-case", "fraudster-list",
                "authority-request", "newsletter", "call-recording", "call-analysis", "cookies", "audit-evidence")) {
            given().when().get("/policies/{id}", shipped).then().statusCode(200)
                    .body("restartAfterHold", equalTo(restarting.contains(shipped)))
                    .body("limitationPeriod", equalTo(restarting.contains(shipped) ? "P5Y" : null));
        }
        given().when().get("/policies/newsletter").then().body("backstop", equalTo("P3Y")).body("version", equalTo(2));
        given().when().get("/policies/newsletter/versions").then().statusCode(200)
                .body("version", equalTo(java.util.List.of(1, 2)))
                .body("backstop", equalTo(java.util.Arrays.asList(null, "P3Y")));
        given().when().get("/policies/fraud-case").then().body("backstop", equalTo("P3Y"));
        given().when().get("/policies/prospect").then().body("backstop", nullValue()).body("version", equalTo(1));
    }

    // version 2: the rules that gained a backstop or a limitation restart (migration V4, issue 15), and the marketing
    // profile that an objection to personalised marketing ends (V6)
    @ParameterizedTest(name = "{0} anchored on {1} is due on {3}")
    @CsvSource({
            // category,         anchor,      archiveFrom, dueOn,      version
            "call-recording,     2024-08-31,  ,            2025-02-28, 1",
            "call-analysis,      2024-02-29,  ,            2025-02-28, 1",
            "cookies,            2025-01-31,  ,            2026-02-28, 1",
            "prospect,           2024-02-29,  ,            2027-02-28, 1",
            "service-operations, 2023-12-31,  ,            2026-12-31, 1",
            "marketing-profile,  2024-03-31,  ,            2027-03-31, 2",
            "accounting,         2025-03-15,  ,            2035-12-31, 1",
            "accounting,         2025-12-31,  ,            2035-12-31, 1",
            "accounting,         2026-01-01,  ,            2036-12-31, 1",
            "fraud-alert,        2025-01-31,  ,            2026-01-31, 2",
            "fraud-case,         2024-02-29,  ,            2029-02-28, 2",
            "fraudster-list,     2025-06-30,  ,            2030-06-30, 2",
            "authority-request,  2025-05-31,  ,            2030-05-31, 2",
            "training,           2025-11-30,  2025-11-30,  2030-11-30, 2",
            "business-relationship, 2024-02-29, 2024-02-29, 2029-02-28, 2",
            "transaction-proof,  2025-08-31,  2025-08-31,  2030-08-31, 2",
            "newsletter,         2025-10-01,  ,            2025-10-01, 2" })
    void eachReferenceRuleSchedulesToTheDay(String category, String anchor, String archiveFrom, String dueOn, int version) {
        RetentionApi.register(RetentionApi.subject(), category, anchor).statusCode(201)
                .body("category", equalTo(category)).body("ruleId", equalTo(category)).body("ruleVersion", equalTo(version))
                .body("archiveFrom", equalTo(archiveFrom)).body("dueOn", equalTo(dueOn)).body("status", equalTo("HELD"));
    }

    @Test
    void dataWhoseClockHasNotStartedIsKeptUntilItDoesOrUntilItsBackstop() {
        clock.set(Instant.parse("2024-02-29T15:00:00Z"));
        String subject = RetentionApi.subject();
        // no contract end, no unsubscribe yet: three years from the last contact (here the registration day)
        RetentionApi.register(subject, "training", null).statusCode(201).body("lastContactOn", equalTo("2024-02-29"))
                .body("archiveFrom", nullValue()).body("dueOn", equalTo("2027-02-28"));
        RetentionApi.register(subject, "newsletter", null).statusCode(201).body("dueOn", equalTo("2027-02-28"));
        clock.reset();

        // the contract ends: the same holding gets its anchor, and with it a date
        RetentionApi.register(subject, "training", "2026-06-30").statusCode(200)
                .body("archiveFrom", equalTo("2026-06-30")).body("dueOn", equalTo("2031-06-30"));
        RetentionApi.schedule(subject).body("size()", equalTo(2));
    }

    @Test
    void aNewIncomingContactMovesTheExpiry() {
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, "prospect", "2023-05-10").body("dueOn", equalTo("2026-05-10"));
        RetentionApi.register(subject, "prospect", "2025-01-15").statusCode(200).body("dueOn", equalTo("2028-01-15"));
    }

    @Test
    void aHoldingExpiresOnItsDueDayExactlyOnce() {
        String subject = RetentionApi.subject();
        String holdingId = RetentionApi.register(subject, "call-recording", "2026-05-31").statusCode(201)
                .body("dueOn", equalTo("2026-11-30")).extract().path("holdingId");

        // due on 30 November in Paris: 23:59:59 on the 29th in Paris is 22:59:59 UTC, midnight is 23:00 UTC
        clock.set(Instant.parse("2026-11-29T22:59:59Z"));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD"));

        clock.set(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(RetentionApi.sweep()).isGreaterThanOrEqualTo(1);
        RetentionApi.schedule(subject).body("[0].status", equalTo("EXPIRED"));
        RetentionApi.sweep();

        CloudEvent expired = events.await(subject, "RetentionExpired");
        assertThat(expired.data().path("holdingId").asText()).isEqualTo(holdingId);
        assertThat(expired.data().path("ruleId").asText()).isEqualTo("call-recording");
        assertThat(expired.data().path("dueOn").asText()).isEqualTo("2026-11-30");
        assertThat(expired.subject()).isEqualTo(subject);
        assertThat(events.count(subject, "RetentionExpired")).isEqualTo(1);
    }
}
