package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
 * Art. 12(3) when a request came by post or e-mail: the DPO files it later and says when it was received, and the
 * clock runs from receipt. The one extension: before the first due date, with reasons the subject is shown, to the
 * earlier of the first due date plus two months and receipt plus three months.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReceiptAndExtensionTest {

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
    void theDpoFilesALetterReceivedAtTheEndOfJanuaryDueOnTheLastDayOfFebruary() {
        clock.set(Instant.parse("2027-02-09T14:00:00Z"));
        String subject = RightsApi.subject();
        String id = fileByDpo(subject, "ACCESS", "2027-01-31T10:00:00Z").statusCode(201)
                .body("receivedAt", equalTo("2027-01-31T10:00:00Z")).body("dueAt", equalTo("2027-02-28T10:00:00Z"))
                // the history says who set the receipt date, and when the request was filed
                .body("history", hasSize(1))
                .body("history[0].at", equalTo("2027-02-09T14:00:00Z"))
                .body("history[0].actorType", equalTo("DPO")).body("history[0].actor", equalTo("dpo-user"))
                .body("history[0].note", containsString("receivedAt set to 2027-01-31T10:00Z"))
                .extract().path("id");
        // the subject reads the same clock
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("receivedAt", equalTo("2027-01-31T10:00:00Z")).body("dueAt", equalTo("2027-02-28T10:00:00Z"));
        // the event's `at` is the receipt, when the clock started; the event itself was written at the filing
        CloudEvent received = rights.await(subject, "RequestReceived");
        assertThat(received.data().path("requestId").asText()).isEqualTo(id);
        assertThat(instant(received, "at")).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        assertThat(instant(received, "dueAt")).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
    }

    @Test
    void aLeapYearsFebruaryEndsOnThe29th() {
        clock.set(Instant.parse("2028-02-03T08:00:00Z"));
        fileByDpo(RightsApi.subject(), "ERASURE", "2028-01-31T10:00:00Z").statusCode(201)
                .body("receivedAt", equalTo("2028-01-31T10:00:00Z")).body("dueAt", equalTo("2028-02-29T10:00:00Z"));
    }

    @Test
    void aReceiptDateWithAnOffsetIsTheSameInstantInUtc() {
        clock.set(Instant.parse("2027-02-03T08:00:00Z"));
        // one minute past midnight in Paris on 1 February is 31 January in UTC: the earlier due date, the subject's
        fileByDpo(RightsApi.subject(), "ACCESS", "2027-02-01T00:01:00+01:00").statusCode(201)
                .body("receivedAt", equalTo("2027-01-31T23:01:00Z")).body("dueAt", equalTo("2027-02-28T23:01:00Z"));
    }

    @Test
    void withoutAReceiptDateTheDposRequestIsReceivedWhenFiled() {
        clock.set(Instant.parse("2027-01-31T10:00:00Z"));
        fileByDpo(RightsApi.subject(), "ACCESS", null).statusCode(201)
                .body("receivedAt", equalTo("2027-01-31T10:00:00Z")).body("dueAt", equalTo("2027-02-28T10:00:00Z"))
                .body("history[0].note", nullValue());
    }

    @Test
    void aReceiptDateInTheFutureOrBeforeTheGdprIs400AndNothingIsFiled() {
        clock.set(Instant.parse("2027-02-09T14:00:00Z"));
        String subject = RightsApi.subject();
        fileByDpo(subject, "ACCESS", "2027-02-09T14:00:00.000001Z").statusCode(400).contentType(RightsApi.PROBLEM)
                .body("status", equalTo(400)).body("errors.field", hasItem("receivedAt"))
                .body("detail", containsString("future"));
        fileByDpo(subject, "ACCESS", "2027-02-10T00:00:00+01:00").statusCode(400).body("errors.field", hasItem("receivedAt"));
        fileByDpo(subject, "ACCESS", "2018-05-24T23:59:59Z").statusCode(400).contentType(RightsApi.PROBLEM)
                .body("errors.field", hasItem("receivedAt"));
        fileByDpo(subject, "ACCESS", "-999999999-01-01T00:00:00Z").statusCode(400).contentType(RightsApi.PROBLEM);
        fileByDpo(subject, "ACCESS", "last Tuesday").statusCode(400).contentType(RightsApi.PROBLEM)
                .body("errors.field", hasItem("receivedAt"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then().statusCode(200)
                .body("", hasSize(0));
        assertThat(rights.eventsFor(subject)).isEmpty();
        // the very moment of filing is not in the future
        fileByDpo(subject, "ACCESS", "2027-02-09T14:00:00Z").statusCode(201).body("dueAt", equalTo("2027-03-09T14:00:00Z"));
    }

    @Test
    void onlyTheDpoSetsTheReceiptDate() {
        clock.set(Instant.parse("2027-02-09T14:00:00Z"));
        String subject = RightsApi.subject();
        String body = body(subject, "ACCESS", "2027-01-02T10:00:00Z");
        // a subject filing for themselves: their request is received when they file it
        given().auth().oauth2(TestTokens.dataSubject(subject)).contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(403).contentType(RightsApi.PROBLEM)
                .body("detail", containsString("only the DPO may set receivedAt"));
        given().contentType(ContentType.JSON).body(body).when().post("/requests").then().statusCode(401);
        for (String token : List.of(TestTokens.auditor(), TestTokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/requests").then()
                    .statusCode(403).contentType(RightsApi.PROBLEM);
        }
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then().statusCode(200)
                .body("", hasSize(0));
        assertThat(rights.eventsFor(subject)).isEmpty();
    }

    @Test
    void anExtensionAddsTwoMonthsToTheFirstDueDateAndTellsTheSubjectWhy() {
        clock.set(Instant.parse("2027-02-09T14:00:00Z"));
        String subject = RightsApi.subject();
        String id = fileByDpo(subject, "PORTABILITY", "2027-01-31T10:00:00Z").statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then()
                .body("extension", nullValue());

        clock.set(Instant.parse("2027-02-28T09:59:59Z"));
        RightsApi.dpo(id, "extend", "{\"reason\":\"the archives of three systems must be searched\"}").statusCode(200)
                .body("dueAt", equalTo("2027-04-28T10:00:00Z"))
                .body("extension.firstDueAt", equalTo("2027-02-28T10:00:00Z"))
                .body("extension.dueAt", equalTo("2027-04-28T10:00:00Z"))
                .body("extension.extendedAt", equalTo("2027-02-28T09:59:59Z"));
        // what the subject reads: the new date and the reasons
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("dueAt", equalTo("2027-04-28T10:00:00Z"))
                .body("extension.reason", equalTo("the archives of three systems must be searched"))
                .body("extension.notice", equalTo("The answer to your request was due on 2027-02-28; it is delayed until "
                        + "2027-04-28, for these reasons: the archives of three systems must be searched (Art. 12(3) GDPR)."));
        RightsApi.get(id).body("history.action", equalTo(List.of("RECEIVED", "EXTENDED")))
                .body("history[1].actorType", equalTo("DPO"))
                .body("history[1].note", equalTo("the archives of three systems must be searched"));
        // the event carries the new due date, never the reasons
        CloudEvent extended = rights.await(subject, "RequestExtended");
        assertThat(instant(extended, "dueAt")).isEqualTo(Instant.parse("2027-04-28T10:00:00Z"));
        assertThat(extended.data().toString()).doesNotContain("archives");
        // once only
        RightsApi.dpo(id, "extend", "{\"reason\":\"again\"}").statusCode(409).contentType(RightsApi.PROBLEM)
                .body("detail", containsString("one extension"));
        RightsApi.get(id).body("dueAt", equalTo("2027-04-28T10:00:00Z")).body("history", hasSize(2));
    }

    @Test
    void inALeapYearTheExtendedDueDateIsThe29thOfApril() {
        clock.set(Instant.parse("2028-02-01T09:00:00Z"));
        String id = fileByDpo(RightsApi.subject(), "ACCESS", "2028-01-31T10:00:00Z").statusCode(201).extract().path("id");
        RightsApi.dpo(id, "extend", "{\"reason\":\"complex request\"}").statusCode(200)
                .body("extension.firstDueAt", equalTo("2028-02-29T10:00:00Z"))
                .body("dueAt", equalTo("2028-04-29T10:00:00Z"));
    }

    @Test
    void anExtensionOnOrAfterTheFirstDueDateIs409AndChangesNothing() {
        clock.set(Instant.parse("2027-02-09T14:00:00Z"));
        String id = fileByDpo(RightsApi.subject(), "ACCESS", "2027-01-31T10:00:00Z").statusCode(201).extract().path("id");
        clock.set(Instant.parse("2027-02-28T10:00:00Z"));
        RightsApi.dpo(id, "extend", "{\"reason\":\"too late\"}").statusCode(409).contentType(RightsApi.PROBLEM)
                .body("detail", containsString("first month"));
        RightsApi.get(id).body("dueAt", equalTo("2027-02-28T10:00:00Z")).body("extension", nullValue())
                .body("history", hasSize(1));
    }

    @Test
    void aLetterFiledAfterItsFirstMonthIsOverdueAtOnceAndCannotBeExtended() {
        clock.set(Instant.parse("2027-03-05T09:00:00Z"));
        String id = fileByDpo(RightsApi.subject(), "ERASURE", "2027-01-31T10:00:00Z").statusCode(201)
                .body("dueAt", equalTo("2027-02-28T10:00:00Z")).extract().path("id");
        given().auth().oauth2(TestTokens.dpo()).queryParam("overdue", true).queryParam("size", 500).when().get("/requests")
                .then().statusCode(200).body("id", hasItem(id));
        RightsApi.dpo(id, "extend", "{\"reason\":\"the letter was misplaced\"}").statusCode(409)
                .body("detail", containsString("2027-02-28T10:00Z"));
    }

    @Test
    void onlyTheDpoExtendsAndAReasonIsRequired() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ACCESS", null);
        String reason = "{\"reason\":\"complex request\"}";
        given().auth().oauth2(TestTokens.dataSubject(subject)).contentType(ContentType.JSON).body(reason)
                .when().post("/requests/{id}/extend", id).then().statusCode(403).contentType(RightsApi.PROBLEM);
        given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON).body(reason)
                .when().post("/requests/{id}/extend", id).then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(reason)
                .when().post("/requests/{id}/extend", id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(reason).when().post("/requests/{id}/extend", id).then().statusCode(401);
        RightsApi.dpo(id, "extend", "{\"reason\":\"  \"}").statusCode(400).contentType(RightsApi.PROBLEM)
                .body("errors.field", hasItem("reason"));
        RightsApi.dpo(id, "extend", null).statusCode(400).contentType(RightsApi.PROBLEM);
        RightsApi.get(id).body("extension", nullValue()).body("history.action", not(hasItem("EXTENDED")));
    }

    private static Instant instant(CloudEvent event, String field) {
        return java.time.OffsetDateTime.parse(event.data().path(field).asText()).toInstant();
    }

    private static ValidatableResponse fileByDpo(String subject, String type, String receivedAt) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body(subject, type, receivedAt))
                .when().post("/requests").then();
    }

    private static String body(String subject, String type, String receivedAt) {
        return "{\"subjectId\":\"" + subject + "\",\"type\":\"" + type + "\""
                + (receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"") + "}";
    }
}
