package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Art. 16 and 19: a rectification lists its corrections, and completes only once each recipient confirmed them or
 * gave its reason not to; an answer given out of band is recorded by the DPO with a note; with no recipient, the DPO
 * completes it once the controller made the corrections. Nothing completes "with nobody to tell" any more.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RectificationTest {

    private static final String CORRECTIONS = "{\"corrections\":{\"postal address\":\"12 rue des Lilas, 69003 Lyon\"}}";

    @Test
    void aRectificationWithoutItsCorrectionsIs400AndNothingIsFiled() {
        String subject = RightsApi.subject();
        String token = TestTokens.dataSubject(subject);
        for (String details : new String[] { null, "{}", "{\"corrections\":{}}", "{\"corrections\":\"my address\"}",
                "{\"corrections\":[\"address\"]}", "{\"corrections\":{\"address\":42}}", "{\"corrections\":{\"address\":\" \"}}",
                "{\"corrections\":{\"" + "a".repeat(101) + "\":\"x\"}}",
                "{\"corrections\":{\"address\":\"" + "x".repeat(2001) + "\"}}" }) {
            RightsApi.file(token, subject, "RECTIFICATION", details).statusCode(400).contentType(RightsApi.PROBLEM)
                    .body("errors.field", hasItem("details.corrections"));
        }
        StringBuilder many = new StringBuilder("{\"corrections\":{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"field ").append(i).append("\":\"value\"");
        }
        RightsApi.file(token, subject, "RECTIFICATION", many.append("}}").toString()).statusCode(400)
                .body("detail", containsString("at most 50"));
        given().auth().oauth2(token).when().get("/subjects/{s}/requests", subject).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void withNoRecipientTheRectificationWaitsForTheDpoToConfirmTheCorrections() {
        recipients("""
                [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"}]""");
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "RECTIFICATION", CORRECTIONS);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes", hasSize(0))
                .body("history.find { it.action == 'RECTIFICATION_REQUESTED' }.note", containsString("the DPO completes"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS")).body("closedAt", equalTo(null))
                .body("details.corrections.'postal address'", equalTo("12 rue des Lilas, 69003 Lyon"));
        RightsApi.dpo(id, "complete", "{\"note\":\"address corrected in the learner record\"}").statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("history.find { it.toStatus == 'COMPLETED' }.note", equalTo("address corrected in the learner record"))
                .body("history.find { it.toStatus == 'COMPLETED' }.actorType", equalTo("DPO"));
    }

    @Test
    void aRectificationCompletesWhenEachRecipientConfirmedAndTheSubjectSeesEachAnswer() {
        recipients("""
                [{"id":"crm-processor","name":"CRM processor","kind":"PROCESSOR","appliesTo":["ERASURE","RECTIFICATION"],"channel":"REST","reportedBy":"crm"},
                 {"id":"print-shop","name":"Print shop","kind":"PROCESSOR","appliesTo":["RECTIFICATION"],"channel":"MANUAL"}]""");
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "RECTIFICATION", CORRECTIONS);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes.recipientId", org.hamcrest.Matchers.containsInAnyOrder("crm-processor", "print-shop"));

        outcome(TestTokens.service("crm"), id, "{\"recipientId\":\"crm-processor\",\"status\":\"DONE\","
                + "\"note\":\"address corrected\"}").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        RightsApi.dpo(id, "complete", null).statusCode(409).body("detail", containsString("print-shop"));

        // the print shop answered by letter: only the DPO records it, and says how
        outcome(TestTokens.dataSubject(subject), id, "{\"recipientId\":\"print-shop\",\"status\":\"DONE\"}").statusCode(403);
        outcome(TestTokens.service("crm"), id, "{\"recipientId\":\"print-shop\",\"status\":\"DONE\"}").statusCode(403);
        outcome(TestTokens.dpo(), id, "{\"recipientId\":\"print-shop\",\"status\":\"FAILED\"}").statusCode(400)
                .body("errors.field", hasItem("note"));
        RightsApi.get(id).body("outcomes.find { it.recipientId == 'print-shop' }.status", equalTo("PENDING"));
        outcome(TestTokens.dpo(), id, "{\"recipientId\":\"print-shop\",\"status\":\"FAILED\",\"note\":\"letter of "
                + "2024-03-02: its mailing list was deleted in 2023, nothing left to correct\"}").statusCode(200)
                .body("status", equalTo("PARTIALLY_COMPLETED")).body("complaint.authority", notNullValue());

        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("outcomes.find { it.recipientId == 'crm-processor' }.note", equalTo("address corrected"))
                .body("outcomes.find { it.recipientId == 'print-shop' }.status", equalTo("FAILED"))
                .body("outcomes.find { it.recipientId == 'print-shop' }.note", containsString("nothing left to correct"))
                .body("history.find { it.action == 'OUTCOME print-shop FAILED' }.actorType", equalTo("DPO"));
    }

    /**
     * Art. 16, 19 (issue 15, items 1 and 4): the retention service names the systems that registered holdings of the
     * subject; each is asked to correct the data and answers for itself, and the request completes only then.
     */
    @Test
    void theSystemsThatHoldTheDataAreAskedToCorrectItAndEachAnswersForItself() {
        recipients(RETENTION_FOR_RECTIFICATION);
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "RECTIFICATION", CORRECTIONS);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("PENDING"));
        try (EventProbe retention = new EventProbe(Topics.RIGHTS)) {
            retention.send(Topics.RETENTION, "HoldersNamed", subject, holdersNamed(id, subject, "\"crm\",\"lms\""));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE"))
                .body("outcomes.find { it.recipientId == 'lms' }.holderSystem", equalTo("lms"))
                .body("outcomes.find { it.recipientId == 'crm' }.status", equalTo("PENDING")));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes.find { it.recipientId == 'retention-service' }.note", containsString("crm, lms"))
                .body("history.find { it.action == 'HOLDERS_ASKED_TO_CORRECT' }.note", containsString("crm, lms"));

        // each holder answers for itself only
        outcome(TestTokens.service("lms"), id, "{\"recipientId\":\"crm\",\"status\":\"DONE\"}").statusCode(403);
        outcome(TestTokens.service("lms"), id, "{\"recipientId\":\"lms\",\"status\":\"DONE\",\"note\":\"postal "
                + "address corrected in the learner record\"}").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        outcome(TestTokens.service("crm"), id, "{\"recipientId\":\"crm\",\"status\":\"DONE\",\"note\":\"corrected\"}")
                .statusCode(200).body("status", equalTo("COMPLETED"))
                .body("history.find { it.toStatus == 'COMPLETED' }.note", equalTo("every recipient answered"));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("outcomes.find { it.recipientId == 'lms' }.note", containsString("postal address corrected"));
    }

    @Test
    void withNoSystemHoldingTheDataTheDpoConfirmsTheCorrections() {
        recipients(RETENTION_FOR_RECTIFICATION);
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "RECTIFICATION", CORRECTIONS);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200);
        try (EventProbe retention = new EventProbe(Topics.RIGHTS)) {
            retention.send(Topics.RETENTION, "HoldersNamed", subject, holdersNamed(id, subject, ""));
        }
        // every recipient answered, but none holds the data: not "completed with nothing corrected"
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE"))
                .body("history.find { it.action == 'CORRECTIONS_AWAIT_DPO' }.note", containsString("the DPO completes")));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS")).body("closedAt", equalTo(null));
        // the DPO says what the controller corrected: without a note, 400 and the request stays open
        RightsApi.dpo(id, "complete", null).statusCode(400).contentType(RightsApi.PROBLEM)
                .body("errors.field", hasItem("note"));
        RightsApi.dpo(id, "complete", "{\"note\":\"   \"}").statusCode(400).body("errors.field", hasItem("note"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS")).body("closedAt", equalTo(null))
                .body("history.action", org.hamcrest.Matchers.not(hasItem("COMPLETED")));
        RightsApi.dpo(id, "complete", "{\"note\":\"address corrected in the learner record\"}").statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void aSystemHoldingTheDataThatDoesNotCorrectItGivesItsReason() {
        recipients(RETENTION_FOR_RECTIFICATION);
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "RECTIFICATION", CORRECTIONS);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200);
        try (EventProbe retention = new EventProbe(Topics.RIGHTS)) {
            retention.send(Topics.RETENTION, "HoldersNamed", subject, holdersNamed(id, subject, "\"crm\""));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                .body("outcomes.find { it.recipientId == 'crm' }.status", equalTo("PENDING")));

        // Art. 16, 19: it confirms the correction or gives its reason to refuse; FAILED or PARTIAL without one is 400
        outcome(TestTokens.service("crm"), id, "{\"recipientId\":\"crm\",\"status\":\"FAILED\"}").statusCode(400)
                .contentType(RightsApi.PROBLEM).body("errors.field", hasItem("note"));
        outcome(TestTokens.service("crm"), id, "{\"recipientId\":\"crm\",\"status\":\"PARTIAL\",\"note\":\"\"}")
                .statusCode(400).body("errors.field", hasItem("note"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes.find { it.recipientId == 'crm' }.status", equalTo("PENDING"));

        outcome(TestTokens.service("crm"), id, "{\"recipientId\":\"crm\",\"status\":\"PARTIAL\",\"note\":\"the "
                + "address is corrected; the signed contract keeps the old one, as signed\"}").statusCode(200)
                .body("status", equalTo("PARTIALLY_COMPLETED")).body("complaint.authority", notNullValue());
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("outcomes.find { it.recipientId == 'crm' }.note", containsString("as signed"));
    }

    private static final String RETENTION_FOR_RECTIFICATION = """
            [{"id":"retention-service","name":"Retention service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE","RECTIFICATION"],"channel":"KAFKA"}]""";

    private static String holdersNamed(String requestId, String subject, String holders) {
        return "{\"requestId\":\"" + requestId + "\",\"subjectId\":\"" + subject + "\",\"system\":\"retention-service\","
                + "\"holders\":[" + holders + "],\"namedAt\":\"2026-11-28T10:00:00Z\"}";
    }

    private static void recipients(String body) {
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body).when().put("/recipients").then()
                .statusCode(200);
    }

    private static ValidatableResponse outcome(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/requests/{id}/outcomes", id).then();
    }
}
