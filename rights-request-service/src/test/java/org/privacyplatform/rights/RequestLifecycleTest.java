package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.rights.service.OverdueRequests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Filing, the clock, every transition and every illegal one, and who may do what. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RequestLifecycleTest {

    @Inject
    MutableClock clock;

    @Inject
    OverdueRequests overdue;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSubjectFilesTheirOwnRequestDueOneCalendarMonthLater() {
        clock.set(Instant.parse("2024-01-31T09:00:00Z"));
        String subject = RightsApi.subject();
        RightsApi.file(TestTokens.dataSubject(subject), subject, "ACCESS", null).statusCode(201)
                .body("status", equalTo("RECEIVED")).body("receivedAt", equalTo("2024-01-31T09:00:00Z"))
                .body("dueAt", equalTo("2024-02-29T09:00:00Z"))
                .body("history[0].actorType", equalTo("SUBJECT")).body("history[0].actor", equalTo(subject));
    }

    @Test
    void theDpoFilesARequestReceivedByPostForAnySubject() {
        String subject = RightsApi.subject();
        RightsApi.file(TestTokens.dpo(), subject, "RECTIFICATION",
                "{\"corrections\":{\"city\":\"Lyon\"},\"channel\":\"post\"}").statusCode(201)
                .body("history[0].actorType", equalTo("DPO")).body("history[0].actor", equalTo("dpo-user"))
                .body("details.channel", equalTo("post"));
    }

    @Test
    void aSubjectNeverSeesAnotherSubjectsRequests() {
        String alice = RightsApi.subject();
        String bob = RightsApi.subject();
        String bobs = RightsApi.fileOwn(bob, "ERASURE", "{\"reason\":\"private\"}");
        String aliceToken = TestTokens.dataSubject(alice);

        RightsApi.file(aliceToken, bob, "ACCESS", null).statusCode(403).contentType(RightsApi.PROBLEM);
        given().auth().oauth2(aliceToken).when().get("/requests/{id}", bobs).then().statusCode(404)
                .body(not(containsString("private")));
        given().auth().oauth2(aliceToken).when().get("/subjects/{s}/requests", bob).then().statusCode(403);
        given().auth().oauth2(aliceToken).when().get("/requests").then().statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject(bob)).when().get("/requests/{id}", bobs).then().statusCode(200);
        given().auth().oauth2(TestTokens.dataSubject(bob)).when().get("/subjects/{s}/requests", bob).then().statusCode(200)
                .body("size()", equalTo(1));
        given().when().get("/requests/{id}", bobs).then().statusCode(401);
        // the auditor reads requests (issue 19) and moves none
        given().auth().oauth2(TestTokens.auditor()).when().get("/requests/{id}", bobs).then().statusCode(200);
        given().auth().oauth2(TestTokens.auditor()).when().get("/requests").then().statusCode(200);
        given().auth().oauth2(TestTokens.auditor()).when().post("/requests/{id}/verify-identity", bobs).then()
                .statusCode(403);
        // only the DPO moves a request
        given().auth().oauth2(TestTokens.dataSubject(bob)).when().post("/requests/{id}/verify-identity", bobs)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).when().post("/requests/{id}/verify-identity", bobs)
                .then().statusCode(403);
    }

    @Test
    void badRequestsAre400NamingTheField() {
        String subject = RightsApi.subject();
        String token = TestTokens.dataSubject(subject);
        RightsApi.file(token, subject, "FORGET_ME", null).statusCode(400).contentType(RightsApi.PROBLEM)
                .body("errors.field", hasItem("type"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"type\":\"ACCESS\"}").when().post("/requests")
                .then().statusCode(400).body("errors.field", hasItem("subjectId"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"subjectId\":").when().post("/requests")
                .then().statusCode(400);
        RightsApi.file(TestTokens.dpo(), "not valid!", "ACCESS", null).statusCode(400).body("errors.field", hasItem("subjectId"));
        RightsApi.dpo(java.util.UUID.randomUUID().toString(), "verify-identity", null).statusCode(404);
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then().body("size()", equalTo(0));
    }

    @Test
    void statusesMoveOnlyForward() {
        String id = RightsApi.fileOwn(RightsApi.subject(), "ACCESS", null);
        RightsApi.dpo(id, "complete", null).statusCode(409).contentType(RightsApi.PROBLEM)
                .body("detail", containsString("RECEIVED"));
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("identityVerifiedAt", org.hamcrest.Matchers.notNullValue());
        RightsApi.dpo(id, "verify-identity", null).statusCode(409);
        RightsApi.dpo(id, "complete", "{\"note\":\"export sent\"}").statusCode(200).body("status", equalTo("COMPLETED"))
                .body("complaint", nullValue());
        RightsApi.dpo(id, "reject", "{\"ground\":\"EXCESSIVE\"}").statusCode(409);
        RightsApi.dpo(id, "extend", "{\"reason\":\"late\"}").statusCode(409);
        RightsApi.get(id).body("history.action", equalTo(java.util.List.of("RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS",
                "COMPLETED")));
    }

    @Test
    void oneExtensionOfTwoMonthsOnlyInsideTheFirstMonthAndWithAReason() {
        clock.set(Instant.parse("2025-01-31T10:00:00Z"));
        String id = RightsApi.fileOwn(RightsApi.subject(), "PORTABILITY", null);
        String late = RightsApi.fileOwn(RightsApi.subject(), "PORTABILITY", null);

        RightsApi.dpo(id, "extend", "{}").statusCode(400).body("errors.field", hasItem("reason"));
        clock.set(Instant.parse("2025-02-27T10:00:00Z"));
        RightsApi.dpo(id, "extend", "{\"reason\":\"three systems hold data in archives\"}").statusCode(200)
                .body("dueAt", equalTo("2025-04-28T10:00:00Z"))
                .body("extension.reason", equalTo("three systems hold data in archives"));
        RightsApi.dpo(id, "extend", "{\"reason\":\"again\"}").statusCode(409).body("detail", containsString("one extension"));

        clock.set(Instant.parse("2025-02-28T10:00:00Z"));
        RightsApi.dpo(late, "extend", "{\"reason\":\"too late\"}").statusCode(409).body("detail", containsString("first month"));
    }

    @Test
    void aRejectionHasAGroundAndTellsTheSubjectWhereToComplain() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ERASURE", null);
        RightsApi.get(id).body("complaint", nullValue());
        RightsApi.dpo(id, "reject", "{\"detail\":\"no ground\"}").statusCode(400).body("errors.field", hasItem("ground"));
        RightsApi.dpo(id, "reject", "{\"ground\":\"MAYBE\"}").statusCode(400).body("errors.field", hasItem("ground"));
        RightsApi.dpo(id, "reject", "{\"ground\":\"IDENTITY_NOT_VERIFIED\",\"detail\":\"no proof of identity received\"}")
                .statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("rejection.ground", equalTo("IDENTITY_NOT_VERIFIED"))
                .body("complaint.authority", containsString("CNIL"))
                .body("complaint.url", equalTo("https://www.cnil.fr/en/contact-cnil"))
                .body("complaint.notice", containsString("lodge a complaint"));
    }

    @Test
    void overdueRequestsAreListedForTheDpoAndCounted() {
        clock.set(Instant.parse("2025-03-10T08:00:00Z"));
        String id = RightsApi.fileOwn(RightsApi.subject(), "ACCESS", null);
        clock.advance(Duration.ofDays(31).plusHours(1));

        given().auth().oauth2(TestTokens.dpo()).queryParam("overdue", true).queryParam("size", 500).when().get("/requests")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(TestTokens.dpo()).queryParam("status", "RECEIVED").queryParam("size", 500).when().get("/requests").then()
                .statusCode(200).body("id", hasItem(id));
        assertThat(overdue.count()).isGreaterThanOrEqualTo(1);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("rights_requests_overdue"));
    }
}
