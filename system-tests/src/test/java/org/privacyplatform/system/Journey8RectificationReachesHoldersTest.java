package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Art. 16, 19 across the platform: a rectification reaches every business system that registered a holding of the
 * subject with the retention service; each corrects the data and answers for itself, and only then is it complete.
 */
class Journey8RectificationReachesHoldersTest {

    @Test
    void eachSystemHoldingTheSubjectsDataIsAskedToCorrectItAndTheRequestCompletesWhenAllAnswered() {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        as("dora").body("""
                [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"retention-service","name":"Retention service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE","RECTIFICATION"],"channel":"KAFKA"}]""")
                .when().put(RIGHTS + "/recipients").then().statusCode(200);
        String subject = "learner-" + UUID.randomUUID();
        // two systems hold data of the learner: the crm a prospect file, lms (the demo calling system) an invoice
        as("service:crm").body("{\"category\":\"prospect\",\"system\":\"crm\",\"reference\":\"prospect-" + UUID.randomUUID()
                + "\",\"anchorDate\":\"2026-03-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", subject).then()
                .statusCode(201);
        as("service").body("{\"category\":\"accounting\",\"system\":\"lms\",\"reference\":\"invoice-" + UUID.randomUUID()
                + "\",\"anchorDate\":\"2026-03-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", subject).then()
                .statusCode(201);

        // received by post: the DPO files it and verifies the learner's identity
        String request = Platform.fileAndVerify("dora", subject, "RECTIFICATION",
                "{\"corrections\":{\"postal address\":\"12 rue des Lilas, 69003 Lyon\"}}");

        Platform.eventually().untilAsserted(() -> as("dora").when().get(RIGHTS + "/requests/{id}", request).then()
                .statusCode(200)
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE"))
                .body("outcomes.find { it.recipientId == 'crm' }.holderSystem", equalTo("crm"))
                .body("outcomes.find { it.recipientId == 'lms' }.holderSystem", equalTo("lms")));
        as("dora").when().get(RIGHTS + "/requests/{id}", request).then().body("status", equalTo("IN_PROGRESS"))
                .body("history.find { it.action == 'HOLDERS_ASKED_TO_CORRECT' }.note", containsString("crm, lms"));

        // each answers for itself: lms may not answer for the crm
        as("service").body("{\"recipientId\":\"crm\",\"status\":\"DONE\"}")
                .when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(403);
        as("service:crm").body("{\"recipientId\":\"crm\",\"status\":\"DONE\",\"note\":\"address corrected in the "
                + "prospect file\"}").when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as("service").body("{\"recipientId\":\"lms\",\"status\":\"DONE\",\"note\":\"address corrected on the "
                + "invoice record\"}").when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        // the steps are in the audit log, the holders' naming included; the corrections never left the request
        for (String type : List.of("RectificationRequested", "HoldersNamed", "RecipientOutcomeReported", "RequestCompleted")) {
            Journey1ConsentToProofTest.latestSince(subject, type, start);
        }
        assertThat(Platform.auditEvents(subject, "HoldersNamed").toString()).doesNotContain("Lilas");
    }
}
