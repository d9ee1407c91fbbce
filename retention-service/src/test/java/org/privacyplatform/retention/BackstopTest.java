package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
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
 * Issue 15, item 11: an anchor that never comes (a contract that never starts, a subscriber who never unsubscribes)
 * keeps nothing forever: the holding falls due at its rule's backstop after its last contact.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class BackstopTest {

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
    void aHoldingWhoseAnchorNeverCameFallsDueAtTheBackstopAfterItsLastContact() {
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        String subscriber = RetentionApi.subject();
        register(subscriber, "newsletter", null, "2024-02-29").statusCode(201).body("lastContactOn", equalTo("2024-02-29"))
                .body("dueOn", equalTo("2027-02-28")).body("ruleVersion", equalTo(2));
        String prospect = RetentionApi.subject();
        // a prospect whose contract never started: 2023-05-31 + 3 years, deleted (not archived)
        String holdingId = register(prospect, "training", null, "2023-05-31").statusCode(201)
                .body("archiveFrom", nullValue()).body("dueOn", equalTo("2026-05-31")).extract().path("holdingId");

        RetentionApi.sweep();
        RetentionApi.schedule(prospect).body("[0].status", equalTo("EXPIRED"));
        RetentionApi.schedule(subscriber).body("[0].status", equalTo("HELD"));
        CloudEvent expired = events.await(prospect, "RetentionExpired");
        assertThat(expired.data().path("holdingId").asText()).isEqualTo(holdingId);
        assertThat(expired.data().path("anchorDate").isNull() || expired.data().path("anchorDate").isMissingNode()).isTrue();
        assertThat(expired.data().path("dueOn").asText()).isEqualTo("2026-05-31");
    }

    @Test
    void withoutAContactTheRegistrationDayCountsAndOnlyARecordedContactMovesIt() {
        clock.set(Instant.parse("2025-01-31T12:00:00Z"));
        String subject = RetentionApi.subject();
        register(subject, "business-relationship", null, null).statusCode(201).body("lastContactOn", equalTo("2025-01-31"))
                .body("dueOn", equalTo("2028-01-31"));

        // registered again, with no contact: not a contact, nothing moves
        clock.set(Instant.parse("2025-06-30T12:00:00Z"));
        register(subject, "business-relationship", null, null).statusCode(200).body("lastContactOn", equalTo("2025-01-31"))
                .body("dueOn", equalTo("2028-01-31"));
        // the system records an incoming contact
        register(subject, "business-relationship", null, "2025-06-30").statusCode(200)
                .body("lastContactOn", equalTo("2025-06-30")).body("dueOn", equalTo("2028-06-30"));
        // the contract ends: the anchor counts, archived then deleted five years later
        register(subject, "business-relationship", "2025-06-30", null).statusCode(200)
                .body("lastContactOn", equalTo("2025-06-30")).body("archiveFrom", equalTo("2025-06-30"))
                .body("dueOn", equalTo("2030-06-30"));
    }

    @Test
    void aLastContactInTheFutureIs400NamingTheFieldAndWritesNothing() {
        clock.set(Instant.parse("2025-03-31T12:00:00Z"));
        String subject = RetentionApi.subject();
        register(subject, "newsletter", null, "2025-04-01").statusCode(400).contentType(RetentionApi.PROBLEM)
                .body("errors.field", hasItem("lastContactOn"));
        register(subject, "newsletter", null, "2025-02-30").statusCode(400).body("errors.field", hasItem("lastContactOn"));
        RetentionApi.schedule(subject).body("", hasSize(0));

        register(subject, "newsletter", null, "2025-03-31").statusCode(201).body("dueOn", equalTo("2028-03-31"));
        register(subject, "newsletter", null, "2025-04-01").statusCode(400).body("errors.field", hasItem("lastContactOn"));
        RetentionApi.schedule(subject).body("[0].lastContactOn", equalTo("2025-03-31")).body("[0].dueOn", equalTo("2028-03-31"));
    }

    @Test
    void todayIsTheParisDayForTheDatesASystemGives() {
        // 23:30 UTC on 1 March is 00:30 on 2 March in Paris
        clock.set(Instant.parse("2027-03-01T23:30:00Z"));
        String subject = RetentionApi.subject();
        register(subject, "newsletter", null, "2027-03-03").statusCode(400).contentType(RetentionApi.PROBLEM)
                .body("errors.field", hasItem("lastContactOn"));
        register(subject, "newsletter", null, "2027-03-02").statusCode(201).body("lastContactOn", equalTo("2027-03-02"))
                .body("dueOn", equalTo("2030-03-02"));
        register(subject, "prospect", "2027-03-03", null).statusCode(400).body("errors.field", hasItem("anchorDate"));
        register(subject, "prospect", "2027-03-02", null).statusCode(201).body("dueOn", equalTo("2030-03-02"));
        // with no contact given, a new holding's last contact is its registration day in Paris
        register(subject, "business-relationship", null, null).statusCode(201).body("lastContactOn", equalTo("2027-03-02"))
                .body("dueOn", equalTo("2030-03-02"));
    }

    @Test
    void onlyServicesRecordContacts() {
        String subject = RetentionApi.subject();
        String body = "{\"category\":\"newsletter\",\"system\":\"crm\",\"reference\":\"r\",\"lastContactOn\":\"2025-01-01\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/subjects/{s}/holdings", subject).then().statusCode(401);
        for (String token : List.of(TestTokens.dataSubject(subject), TestTokens.dpo(), TestTokens.auditor())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/subjects/{s}/holdings", subject)
                    .then().statusCode(403).contentType(RetentionApi.PROBLEM);
        }
        RetentionApi.schedule(subject).body("", hasSize(0));
    }

    @Test
    void theDpoChangesABackstopAsANewVersionThatReschedulesAndIsAnEvent() {
        clock.set(Instant.parse("2024-03-01T12:00:00Z"));
        String rule = "backstop-" + UUID.randomUUID().toString().substring(0, 8);
        putRule(rule, "CONTRACT_END", null).statusCode(201).body("version", equalTo(1)).body("backstop", equalTo("P3Y"));
        String subject = RetentionApi.subject();
        register(subject, rule, null, "2024-02-29").statusCode(201).body("dueOn", equalTo("2027-02-28"));

        putRule(rule, "CONTRACT_END", "P18M").statusCode(200).body("version", equalTo(2)).body("backstop", equalTo("P18M"));
        RetentionApi.schedule(subject).body("[0].dueOn", equalTo("2025-08-29")).body("[0].ruleVersion", equalTo(2));
        putRule(rule, "CONTRACT_END", "P18M").statusCode(200).body("version", equalTo(2));

        given().when().get("/policies/{p}/versions", rule).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("backstop", equalTo(List.of("P3Y", "P18M")));
        CloudEvent changed = events.await("rule:" + rule, e -> e.data().path("version").asInt() == 2);
        assertThat(changed.data().path("backstop").asText()).isEqualTo("P18M");
        assertThat(changed.data().path("restartAfterHold").asBoolean()).isFalse();
        assertThat(changed.data().path("limitationPeriod").isNull() || changed.data().path("limitationPeriod").isMissingNode())
                .isTrue();
    }

    @Test
    void badBackstopsAndLimitationPeriodsAre400NamingTheFieldAndWriteNothing() {
        String rule = "backstop-" + UUID.randomUUID().toString().substring(0, 8);
        putRule(rule, "COLLECTION", "P3Y").statusCode(400).contentType(RetentionApi.PROBLEM)
                .body("errors.field", hasItem("backstop"));
        putRule(rule, "CONTRACT_END", "three years").statusCode(400).body("errors.field", hasItem("backstop"));
        putRule(rule, "CONTRACT_END", "P-1Y").statusCode(400).body("errors.field", hasItem("backstop"));
        putRule(rule, "UNSUBSCRIBE", "P" + "1".repeat(40) + "Y").statusCode(400).body("errors.field", hasItem("backstop"));
        put(rule, "{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"COLLECTION\",\"period\":\"P1Y\","
                + "\"endAction\":\"DELETE\",\"ground\":\"g\",\"limitationPeriod\":\"P5Y\"}")
                .statusCode(400).body("errors.field", hasItem("limitationPeriod"));
        put(rule, "{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"COLLECTION\",\"period\":\"P1Y\","
                + "\"endAction\":\"DELETE\",\"ground\":\"g\",\"restartAfterHold\":true,\"limitationPeriod\":\"5 years\"}")
                .statusCode(400).body("errors.field", hasItem("limitationPeriod"));
        given().when().get("/policies/" + rule).then().statusCode(404).contentType(RetentionApi.PROBLEM);

        // a restart without its period takes the 5-year civil and commercial limitation period
        put(rule, "{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"COLLECTION\",\"period\":\"P1Y\","
                + "\"endAction\":\"DELETE\",\"ground\":\"g\",\"restartAfterHold\":true}")
                .statusCode(201).body("limitationPeriod", equalTo("P5Y")).body("backstop", nullValue());
        putRule(rule, "COLLECTION", "P3Y").statusCode(400).body("errors.field", hasItem("backstop"));
        given().when().get("/policies/{p}/versions", rule).then().statusCode(200).body("version", equalTo(List.of(1)));

        given().contentType(ContentType.JSON).body("{}").when().put("/policies/" + rule).then().statusCode(401);
        for (String token : List.of(TestTokens.service(), TestTokens.dataSubject("someone"), TestTokens.auditor())) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"CONTRACT_END\",\"period\":\"P0D\","
                            + "\"endAction\":\"DELETE\",\"ground\":\"g\",\"backstop\":\"P1D\"}")
                    .when().put("/policies/" + rule).then().statusCode(403).contentType(RetentionApi.PROBLEM);
        }
    }

    private static ValidatableResponse register(String subject, String category, String anchorDate, String lastContactOn) {
        return given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"system\":\"crm\",\"reference\":\"ref-" + category + "\""
                        + (anchorDate == null ? "" : ",\"anchorDate\":\"" + anchorDate + "\"")
                        + (lastContactOn == null ? "" : ",\"lastContactOn\":\"" + lastContactOn + "\"") + "}")
                .when().post("/subjects/{s}/holdings", subject).then();
    }

    private static ValidatableResponse putRule(String rule, String anchor, String backstop) {
        return put(rule, "{\"category\":\"" + rule + "\",\"description\":\"A test category\",\"anchor\":\"" + anchor + "\","
                + "\"period\":\"P0D\",\"endAction\":\"DELETE\",\"ground\":\"tests\""
                + (backstop == null ? "" : ",\"backstop\":\"" + backstop + "\"") + "}");
    }

    private static ValidatableResponse put(String rule, String body) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body).when()
                .put("/policies/" + rule).then();
    }
}
