package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** Roles, subjects and bad input on holdings and rules; rule versions and rescheduling. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HoldingAndPolicyApiTest {

    private static EventProbe events;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.RETENTION);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void onlyServicesRegisterHoldings() {
        String subject = RetentionApi.subject();
        given().contentType(ContentType.JSON).body("{}").when().post("/subjects/{s}/holdings", subject)
                .then().statusCode(401).contentType(RetentionApi.PROBLEM);
        for (String token : new String[] { TestTokens.dataSubject(subject), TestTokens.dpo(), TestTokens.auditor() }) {
            RetentionApi.register(token, subject, "prospect", "r", "2025-01-01").statusCode(403).contentType(RetentionApi.PROBLEM);
        }
        RetentionApi.schedule(subject).body("", hasSize(0));
    }

    @Test
    void aSubjectReadsOnlyTheirOwnSchedule() {
        String alice = RetentionApi.subject();
        String bob = RetentionApi.subject();
        RetentionApi.register(bob, "prospect", "2025-01-01").statusCode(201);

        given().auth().oauth2(TestTokens.dataSubject(bob)).when().get("/subjects/{s}/schedule", bob)
                .then().statusCode(200).body("", hasSize(1));
        given().auth().oauth2(TestTokens.dataSubject(alice)).when().get("/subjects/{s}/schedule", bob)
                .then().statusCode(403).body(not(containsString("prospect")));
        // the auditor reads a subject's schedule (issue 19: holds and schedules read-only), and changes nothing
        given().auth().oauth2(TestTokens.auditor()).when().get("/subjects/{s}/schedule", bob).then().statusCode(200)
                .body("", hasSize(1));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON)
                .body("{\"category\":\"prospect\",\"system\":\"lms\",\"reference\":\"x\",\"anchorDate\":\"2026-01-01\"}")
                .when().post("/subjects/{s}/holdings", bob).then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).when().get("/subjects/{s}/schedule", bob).then().statusCode(200);
    }

    @Test
    void badHoldingsAre400NamingTheFieldAndWriteNothing() {
        String subject = RetentionApi.subject();
        String token = TestTokens.service();
        RetentionApi.register(token, subject, "no-such-category", "r", "2025-01-01").statusCode(400)
                .contentType(RetentionApi.PROBLEM).body("errors.field", hasItem("category"));
        RetentionApi.register(token, subject, "prospect", "r", LocalDate.now().plusDays(2).toString()).statusCode(400)
                .body("errors.field", hasItem("anchorDate"));
        RetentionApi.register(token, subject, "call-recording", "r", null).statusCode(400)
                .body("errors.field", hasItem("anchorDate"));
        RetentionApi.register(token, subject, "prospect", "r", "2025-13-01").statusCode(400)
                .body("errors.field", hasItem("anchorDate"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"category\":\"prospect\",\"reference\":\"r\"}")
                .when().post("/subjects/{s}/holdings", subject).then().statusCode(400).body("errors.field", hasItem("system"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"category\":")
                .when().post("/subjects/{s}/holdings", subject).then().statusCode(400).contentType(RetentionApi.PROBLEM);
        RetentionApi.register(token, "x".repeat(65), "prospect", "r", "2025-01-01").statusCode(400)
                .body("errors.field", hasItem("subjectId"));
        RetentionApi.schedule(subject).body("", hasSize(0));
    }

    @Test
    void aDpoChangesARuleAsANewVersionThatReschedulesItsHoldingsAndIsAnEvent() {
        String rule = "test-" + UUID.randomUUID().toString().substring(0, 8);
        putRule(rule, "P3Y", "DELETE", null).statusCode(201).body("version", equalTo(1));
        String subject = RetentionApi.subject();
        RetentionApi.register(subject, rule, "2025-04-30").statusCode(201).body("dueOn", equalTo("2028-04-30"));

        putRule(rule, "P2Y", "DELETE", null).statusCode(200).body("version", equalTo(2));
        RetentionApi.schedule(subject).body("[0].dueOn", equalTo("2027-04-30")).body("[0].ruleVersion", equalTo(2));
        putRule(rule, "P2Y", "DELETE", null).statusCode(200).body("version", equalTo(2));

        given().when().get("/policies/{p}/versions", rule).then().statusCode(200)
                .body("version", equalTo(java.util.List.of(1, 2))).body("period", equalTo(java.util.List.of("P3Y", "P2Y")));
        CloudEvent changed = events.await("rule:" + rule, e -> e.data().path("version").asInt() == 2);
        assertThat(changed.data().path("period").asText()).isEqualTo("P2Y");
        assertThat(events.count("rule:" + rule, "RetentionRuleChanged")).isEqualTo(2);
    }

    @Test
    void badRulesAre400AndOnlyTheDpoChangesRules() {
        String rule = "test-" + UUID.randomUUID().toString().substring(0, 8);
        putRule(rule, "three years", "DELETE", null).statusCode(400).body("errors.field", hasItem("period"));
        putRule(rule, "P0D", "ARCHIVE", null).statusCode(400).body("errors.field", hasItem("archivePeriod"));
        putRule(rule, "P1Y", "DELETE", "P5Y").statusCode(400).body("errors.field", hasItem("archivePeriod"));
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"WHENEVER\",\"period\":\"P1Y\","
                        + "\"endAction\":\"DELETE\",\"ground\":\"g\"}")
                .when().put("/policies/" + rule).then().statusCode(400).body("errors.field", hasItem("anchor"));
        given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON).body("{}").when().put("/policies/" + rule)
                .then().statusCode(403);
        given().when().get("/policies/" + rule).then().statusCode(404).contentType(RetentionApi.PROBLEM);
    }

    private static io.restassured.response.ValidatableResponse putRule(String rule, String period, String endAction,
            String archivePeriod) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + rule + "\",\"description\":\"A test category\",\"anchor\":\"LAST_CONTACT\","
                        + "\"period\":\"" + period + "\",\"endAction\":\"" + endAction + "\","
                        + (archivePeriod == null ? "" : "\"archivePeriod\":\"" + archivePeriod + "\",")
                        + "\"ground\":\"tests\"}")
                .when().put("/policies/" + rule).then();
    }
}
