package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * Post-mortem instructions (art. 85 loi Informatique et Libertés): a resource of the subject's own, versioned, off the
 * Art. 12 clock, applied when the DPO records the death; the designated person then acts for the deceased.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PostMortemInstructionsTest {

    private static final Instant T0 = Instant.parse("2027-01-31T09:00:00Z");
    private static EventProbe rights;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void watch() {
        rights = new EventProbe(Topics.RIGHTS);
    }

    @AfterAll
    static void stop() {
        rights.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSubjectRegistersReplacesAndRevokesAndEveryVersionIsKept() {
        clock.set(T0);
        String subject = RightsApi.subject();
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\"}").statusCode(200)
                .body("current.version", equalTo(1)).body("current.kind", equalTo("GENERAL"))
                .body("current.choice", equalTo("KEEP")).body("current.recordedAt", equalTo("2027-01-31T09:00:00Z"))
                .body("current.actorType", equalTo("SUBJECT")).body("current.actor", equalTo(subject))
                .body("notice", containsString("art. 85"));
        clock.set(T0.plus(Duration.ofDays(30)));
        String heir = RightsApi.subject();
        put(subject, subject, "{\"kind\":\"SPECIFIC\",\"choice\":\"PASS_TO_DESIGNATED_PERSON\",\"scope\":\"my course "
                + "certificates\",\"designatedPerson\":{\"subjectId\":\"" + heir + "\"}}").statusCode(200)
                .body("current.version", equalTo(2)).body("current.scope", equalTo("my course certificates"))
                .body("current.designatedPerson.subjectId", equalTo(heir))
                .body("versions.version", equalTo(List.of(1, 2)));
        clock.set(T0.plus(Duration.ofDays(45)));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().delete("/subjects/{s}/post-mortem-instructions", subject)
                .then().statusCode(200).body("current", nullValue())
                .body("versions.kind", equalTo(List.of("GENERAL", "SPECIFIC", "REVOKED")))
                .body("versions[2].recordedAt", equalTo("2027-03-17T09:00:00Z"));
        // nothing in force to revoke again
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().delete("/subjects/{s}/post-mortem-instructions", subject)
                .then().statusCode(409).contentType(RightsApi.PROBLEM);
        // the DPO reads them; they are no request, never on the clock
        get(TestTokens.dpo(), subject).statusCode(200).body("versions", hasSize(3)).body("death", nullValue());
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then().statusCode(200)
                .body("", empty());
    }

    @Test
    void badInstructionsAre400AndNothingIsWrittenAndOnlyTheSubjectTouchesThem() {
        String subject = RightsApi.subject();
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"PASS_TO_DESIGNATED_PERSON\"}").statusCode(400)
                .contentType(RightsApi.PROBLEM).body("errors.field", hasItem("designatedPerson"));
        put(subject, subject, "{\"kind\":\"SPECIFIC\",\"choice\":\"ERASE\"}").statusCode(400).body("errors.field", hasItem("scope"));
        put(subject, subject, "{\"kind\":\"REVOKED\",\"choice\":\"ERASE\"}").statusCode(400).body("errors.field", hasItem("kind"));
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"BURN\"}").statusCode(400).body("errors.field", hasItem("choice"));
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\",\"designatedPerson\":{\"name\":\"Jeanne\"}}")
                .statusCode(400).body("errors.field", hasItem("designatedPerson.contact"));
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\",\"designatedPerson\":{\"name\":\""
                + "x".repeat(201) + "\",\"contact\":\"j@example.org\"}}").statusCode(400);
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\",\"designatedPerson\":{\"subjectId\":\"" + subject
                + "\"}}").statusCode(400);
        get(TestTokens.dataSubject(subject), subject).statusCode(200).body("versions", empty());

        String other = RightsApi.subject();
        put(other, subject, "{\"kind\":\"GENERAL\",\"choice\":\"ERASE\"}").statusCode(403).contentType(RightsApi.PROBLEM);
        get(TestTokens.dataSubject(other), subject).statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject(other)).when().delete("/subjects/{s}/post-mortem-instructions", subject)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("{\"kind\":\"GENERAL\",\"choice\":\"ERASE\"}")
                .when().put("/subjects/{s}/post-mortem-instructions", subject).then().statusCode(403);
        get(TestTokens.service(), subject).statusCode(403);
        given().when().get("/subjects/{s}/post-mortem-instructions", subject).then().statusCode(401);
        get(TestTokens.dpo(), subject).statusCode(200).body("versions", empty());
        // no longer a request type
        RightsApi.file(TestTokens.dataSubject(subject), subject, "POST_MORTEM_INSTRUCTIONS", "{\"erase\":true}")
                .statusCode(400).body("errors.field", hasItem("type")).body("detail", containsString("post-mortem-instructions"));
    }

    @Test
    void aDeathOnTodaysParisDateIsNotInTheFutureJustAfterParisMidnight() {
        clock.set(T0);
        String subject = RightsApi.subject();
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\"}").statusCode(200);
        // 23:30 UTC on 1 March 2027 is 00:30 on 2 March in Paris: the 3rd is still in the future
        clock.set(Instant.parse("2027-03-01T23:30:00Z"));
        death(subject, "2027-03-03").statusCode(400).contentType(RightsApi.PROBLEM).body("errors.field", hasItem("diedOn"));
        get(TestTokens.dpo(), subject).body("death", nullValue());
        // the 2nd, today in Paris, is not
        death(subject, "2027-03-02").statusCode(200).body("death.diedOn", equalTo("2027-03-02"))
                .body("death.recordedAt", equalTo("2027-03-01T23:30:00Z"));
    }

    @Test
    void aRecordedDeathAppliesTheLatestInstructionsToEraseAndTheyAreNeverOverdue() {
        clock.set(T0);
        String subject = RightsApi.subject();
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\"}").statusCode(200);
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"ERASE\"}").statusCode(200);

        // years later, far beyond any month: nothing of it is overdue
        clock.set(Instant.parse("2030-06-15T12:00:00Z"));
        given().auth().oauth2(TestTokens.dpo()).queryParam("overdue", true).queryParam("size", 500).when().get("/requests")
                .then().statusCode(200).body("subjectId", not(hasItem(subject)));

        death(subject, "2030-06-16").statusCode(400).body("errors.field", hasItem("diedOn"));
        given().auth().oauth2(TestTokens.dataSubject(subject)).contentType(ContentType.JSON)
                .body("{\"diedOn\":\"2030-06-01\",\"evidence\":\"x\"}").when().post("/subjects/{s}/death", subject)
                .then().statusCode(403);
        get(TestTokens.dpo(), subject).body("death", nullValue()).body("versions", hasSize(2));

        death(subject, "2030-06-01").statusCode(200)
                .body("death.diedOn", equalTo("2030-06-01")).body("death.recordedAt", equalTo("2030-06-15T12:00:00Z"))
                .body("death.appliedVersion", equalTo(2)).body("death.appliedChoice", equalTo("ERASE"))
                .body("appliedInstructions.version", equalTo(2))
                .body("requests", hasSize(1)).body("requests[0].type", equalTo("ERASURE"))
                .body("requests[0].status", equalTo("IN_PROGRESS"))
                .body("requests[0].receivedAt", equalTo("2030-06-15T12:00:00Z"))
                .body("requests[0].dueAt", equalTo("2030-07-15T12:00:00Z"))
                .body("requests[0].details.origin", equalTo("post-mortem instructions version 2"));
        CloudEvent requested = rights.await(subject, "ErasureRequested");
        assertThat(requested.subject()).isEqualTo(subject);
        CloudEvent died = rights.await(subject, "DeathRecorded");
        assertThat(died.data().path("instructionsApplied").asInt()).isEqualTo(1);
        assertThat(died.data().toString()).doesNotContain("death certificate");

        // once: a second record is refused, and the instructions can no longer change
        death(subject, "2030-06-01").statusCode(409).contentType(RightsApi.PROBLEM);
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\"}").statusCode(409);
        get(TestTokens.dpo(), subject).body("death.appliedVersion", equalTo(2)).body("versions", hasSize(2));
    }

    @Test
    void revokedInstructionsApplyNothing() {
        String subject = RightsApi.subject();
        put(subject, subject, "{\"kind\":\"GENERAL\",\"choice\":\"ERASE\"}").statusCode(200);
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().delete("/subjects/{s}/post-mortem-instructions", subject)
                .then().statusCode(200);
        death(subject, "2026-11-01").statusCode(200).body("appliedInstructions", nullValue())
                .body("death.appliedVersion", nullValue()).body("requests", empty());
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then().body("", empty());
    }

    @Test
    void theDesignatedPersonActsForTheDeceasedAndNoOneElse() {
        String deceased = RightsApi.subject();
        String heir = RightsApi.subject();
        String stranger = RightsApi.subject();
        put(deceased, deceased, "{\"kind\":\"GENERAL\",\"choice\":\"PASS_TO_DESIGNATED_PERSON\",\"designatedPerson\":"
                + "{\"subjectId\":\"" + heir + "\"}}").statusCode(200);
        // before the death, the designated person can do nothing
        RightsApi.file(TestTokens.dataSubject(heir), deceased, "ACCESS", null).statusCode(403);
        get(TestTokens.dataSubject(heir), deceased).statusCode(403);

        death(deceased, "2026-11-01").statusCode(200).body("death.appliedChoice", equalTo("PASS_TO_DESIGNATED_PERSON"))
                .body("requests", empty());

        get(TestTokens.dataSubject(heir), deceased).statusCode(200).body("current.designatedPerson.subjectId", equalTo(heir));
        String access = RightsApi.file(TestTokens.dataSubject(heir), deceased, "ACCESS", null).statusCode(201)
                .body("subjectId", equalTo(deceased)).body("history[0].actor", equalTo(heir))
                .extract().path("id");
        RightsApi.file(TestTokens.dataSubject(heir), deceased, "RECTIFICATION", "{\"name\":\"x\"}").statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject(heir)).when().get("/requests/{id}", access).then().statusCode(200);
        RightsApi.dpo(access, "verify-identity", null).statusCode(200);
        // the export is the designated person's to download (here the other services are not running: 502, nothing counted)
        given().auth().oauth2(TestTokens.dataSubject(heir)).when().get("/requests/{id}/export", access).then().statusCode(502);
        RightsApi.file(TestTokens.dataSubject(heir), deceased, "ERASURE", null).statusCode(201);

        // anyone else: as before
        RightsApi.file(TestTokens.dataSubject(stranger), deceased, "ACCESS", null).statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject(stranger)).when().get("/requests/{id}", access).then().statusCode(404);
        given().auth().oauth2(TestTokens.dataSubject(stranger)).when().get("/requests/{id}/export", access).then()
                .statusCode(404);
        get(TestTokens.dataSubject(stranger), deceased).statusCode(403);
    }

    @Test
    void whoeverIsDesignatedUnderKeepOrByNameCannotActOnThePlatform() {
        String deceased = RightsApi.subject();
        String friend = RightsApi.subject();
        put(deceased, deceased, "{\"kind\":\"GENERAL\",\"choice\":\"KEEP\",\"designatedPerson\":{\"subjectId\":\"" + friend
                + "\"}}").statusCode(200);
        death(deceased, "2026-11-01").statusCode(200).body("requests", empty());
        RightsApi.file(TestTokens.dataSubject(friend), deceased, "ACCESS", null).statusCode(403);

        String other = RightsApi.subject();
        put(other, other, "{\"kind\":\"GENERAL\",\"choice\":\"PASS_TO_DESIGNATED_PERSON\",\"designatedPerson\":"
                + "{\"name\":\"Jeanne Martin\",\"contact\":\"jeanne@example.org\"}}").statusCode(200)
                .body("current.designatedPerson.name", equalTo("Jeanne Martin"));
        death(other, "2026-11-01").statusCode(200).body("death.appliedChoice", equalTo("PASS_TO_DESIGNATED_PERSON"));
        CloudEvent died = rights.await(other, "DeathRecorded");
        assertThat(died.data().toString()).doesNotContain("Jeanne").doesNotContain("jeanne@");
    }

    private static ValidatableResponse put(String callerSubject, String subject, String body) {
        return given().auth().oauth2(TestTokens.dataSubject(callerSubject)).contentType(ContentType.JSON).body(body)
                .when().put("/subjects/{s}/post-mortem-instructions", subject).then();
    }

    private static ValidatableResponse get(String token, String subject) {
        return given().auth().oauth2(token).when().get("/subjects/{s}/post-mortem-instructions", subject).then();
    }

    private static ValidatableResponse death(String subject, String diedOn) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"diedOn\":\"" + diedOn + "\",\"evidence\":\"death certificate 2026-1234\"}")
                .when().post("/subjects/{s}/death", subject).then();
    }
}
