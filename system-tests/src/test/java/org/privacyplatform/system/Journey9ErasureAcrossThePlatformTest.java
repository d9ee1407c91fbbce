package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.privacyplatform.system.Platform.ALICE;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Journey 2 of the platform story, erasure across the platform; run last because it erases alice. */
class Journey9ErasureAcrossThePlatformTest {

    @Test
    void aliceIsErasedEverywhereAndToldWhatWasKeptAndWhy() {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        as("dora").body("""
                [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"retention-service","name":"Retention service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"lms-analytics","name":"LMS analytics (processor)","kind":"PROCESSOR","appliesTo":["ERASURE","RECTIFICATION"],"channel":"REST",
                  "reportedBy":"lms"}]""")
                .when().put(RIGHTS + "/recipients").then().statusCode(200);
        Platform.decide("alice", ALICE, "newsletter", true);
        as("service").body("{\"category\":\"accounting\",\"system\":\"billing\",\"reference\":\"invoice-" + UUID.randomUUID()
                + "\",\"anchorDate\":\"2026-03-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", ALICE).then()
                .statusCode(201);

        // the crm registered a prospect file of hers: it holds that data itself
        as("service:crm").body("{\"category\":\"prospect\",\"system\":\"crm\",\"reference\":\"prospect-" + UUID.randomUUID()
                + "\",\"anchorDate\":\"2026-03-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", ALICE).then()
                .statusCode(201);

        String request = Platform.fileAndVerify("alice", ALICE, "ERASURE", null);

        // the consent and retention services answer over Kafka; the retention service names the systems that hold
        // what it erased from its register, and the request waits for them too (Art. 17, 19)
        Platform.eventually().untilAsserted(() -> as("alice").when().get(RIGHTS + "/requests/{id}", request).then()
                .statusCode(200)
                .body("outcomes.find { it.recipientId == 'consent-service' }.status", equalTo("PARTIAL"))
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("PARTIAL"))
                .body("outcomes.find { it.recipientId == 'crm' }.holderSystem", equalTo("crm")));
        as("alice").when().get(RIGHTS + "/requests/{id}", request).then().body("status", equalTo("IN_PROGRESS"));

        // each holder erases and answers for itself (lms may not answer for the crm); a holder an earlier test left
        // that no calling system speaks for has its answer recorded by the DPO
        as("service").body("{\"recipientId\":\"crm\",\"status\":\"DONE\"}")
                .when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(403);
        JsonPath pending = as("dora").when().get(RIGHTS + "/requests/{id}", request).then().extract().jsonPath();
        for (Map<String, Object> holder : pending.<Map<String, Object>>getList("outcomes.findAll { it.holderSystem != null }")) {
            String system = (String) holder.get("holderSystem");
            var answer = List.of("lms", "crm", "billing").contains(system) ? as("service:" + system) : as("dora");
            answer.body("{\"recipientId\":\"" + holder.get("recipientId") + "\",\"status\":\"DONE\",\"erased\":[{\"category\":"
                    + "\"prospect\",\"count\":1}],\"note\":\"erased in " + system + "\"}")
                    .when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(200);
        }
        as("alice").when().get(RIGHTS + "/requests/{id}", request).then().body("status", equalTo("IN_PROGRESS"));

        // the external recipient reports over REST, through the one calling system that speaks for it (lms)
        as("service:crm").body("{\"recipientId\":\"lms-analytics\",\"status\":\"DONE\"}")
                .when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(403);
        as("service").body("{\"recipientId\":\"lms-analytics\",\"status\":\"DONE\",\"erased\":[{\"category\":\"learning-analytics\",\"count\":12}]}")
                .when().post(RIGHTS + "/requests/{id}/outcomes", request).then().statusCode(200);

        JsonPath answer = as("alice").when().get(RIGHTS + "/requests/{id}", request).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("status")).isEqualTo("PARTIALLY_COMPLETED");
        List<String> keptCategories = answer.getList("kept.category");
        assertThat(keptCategories).contains("consent-history", "accounting");
        assertThat(answer.getString("kept.find { it.category == 'accounting' }.ground")).contains("ten years");
        assertThat(answer.getString("kept.find { it.category == 'consent-history' }.ground")).contains("17(3)(e)");
        assertThat(Platform.decision(ALICE, "newsletter").reason()).isEqualTo("NO_CONSENT");

        // every step is in the audit log
        for (String type : List.of("RequestReceived", "IdentityVerified", "ErasureRequested", "ErasureCompleted",
                "RecipientOutcomeReported", "RequestCompleted")) {
            Journey1ConsentToProofTest.latestSince(ALICE, type, start);
        }
    }
}
