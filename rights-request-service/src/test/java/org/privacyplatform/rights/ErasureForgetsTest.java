package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.SubjectTraces;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Issue 13: once a subject's erasure completes, their requests are kept under the pseudonym only; the subject still
 * sees their own requests, the DPO finds them through the id a claimant presents.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ErasureForgetsTest {

    private static EventProbe rights;

    @Inject
    EntityManager entityManager;

    @Inject
    Pseudonyms pseudonyms;

    @BeforeAll
    static void watch() {
        rights = new EventProbe(Topics.RIGHTS);
    }

    @AfterAll
    static void stop() {
        rights.close();
    }

    @Test
    void aCompletedErasureLeavesTheRequestsUnderThePseudonymOnly() {
        putRecipients();
        String subject = RightsApi.subject();
        String pseudonym = pseudonyms.of(subject);
        String access = RightsApi.fileOwn(subject, "ACCESS", null);
        String id = RightsApi.fileOwn(subject, "ERASURE", "{\"comment\":\"my account " + subject + " and all of it\"}");
        RightsApi.dpo(id, "extend", "{\"reason\":\"" + subject + " asked by phone to include archives\"}").statusCode(200);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200);
        rights.send(Topics.CONSENT, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"consent-service\",\"erased\":[{\"category\":\"consent-state\",\"count\":2}],"
                + "\"kept\":[{\"category\":\"consent-history\",\"count\":3,\"ground\":\"Art. 7(1) and 17(3)(e) GDPR\"}]}");
        rights.send(Topics.RETENTION, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"retention-service\",\"erased\":[{\"category\":\"prospect\",\"count\":1}],\"kept\":[]}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE"))
                .body("outcomes.find { it.recipientId == 'consent-service' }.status", equalTo("PARTIAL")));
        given().auth().oauth2(TestTokens.service("crm")).contentType(ContentType.JSON)
                .body("{\"recipientId\":\"crm-processor\",\"status\":\"DONE\",\"erased\":[{\"category\":\"crm-contact\",\"count\":1}],"
                        + "\"note\":\"contact " + subject + " removed\"}")
                .when().post("/requests/{id}/outcomes", id).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_COMPLETED"));

        // the event still names the subject, so that the other services act on it; then this service forgets the id
        CloudEvent completed = rights.await(subject, "RequestCompleted");
        assertThat(completed.data().path("type").asText()).isEqualTo("ERASURE");
        assertThat(completed.data().path("status").asText()).isEqualTo("PARTIALLY_COMPLETED");
        assertThat(completed.data().path("subjectId").asText()).isEqualTo(subject);
        assertThat(SubjectTraces.columnsHolding(entityManager, subject, SubjectTraces.UNTIL_PURGED)).isEmpty();

        // the subject still sees their own requests, by id and in their list
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("subjectId", equalTo(pseudonym)).body("status", equalTo("PARTIALLY_COMPLETED"))
                .body("history.find { it.action == 'RECEIVED' }.actorType", equalTo("SUBJECT"))
                .body("history.find { it.action == 'RECEIVED' }.actor", equalTo(pseudonym))
                .body(not(containsString(subject)));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/requests", subject).then()
                .statusCode(200).body("id", hasItem(id)).body("id", hasItem(access))
                .body("subjectId", everyItem(equalTo(pseudonym)));
        // the DPO finds them through the id a claimant presents
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }.extension.reason",
                        equalTo(pseudonym + " asked by phone to include archives"));
        // nobody else does
        String other = RightsApi.subject();
        given().auth().oauth2(TestTokens.dataSubject(other)).when().get("/requests/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.dataSubject(other)).when().get("/subjects/{s}/requests", subject).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject(other)).when().get("/subjects/{s}/requests", pseudonym).then()
                .statusCode(403);
        given().when().get("/subjects/{s}/requests", subject).then().statusCode(401);

        // the history is still append-only: the pseudonymisation happened once, nothing else may change
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update request_history set action = 'FORGED' where request_id = cast(?1 as uuid)").setParameter(1, id)
                .executeUpdate())).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update request_history set actor = ?2, pseudonymised_at = now() where request_id = cast(?1 as uuid)")
                .setParameter(1, id).setParameter(2, pseudonyms.of("someone-else")).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void aSubjectErasedTwiceWithPostMortemInstructionsEachTimeIsForgottenTwice() {
        putRecipients();
        String subject = RightsApi.subject();
        for (int life = 1; life <= 2; life++) {
            given().auth().oauth2(TestTokens.dataSubject(subject)).contentType(ContentType.JSON)
                    .body("{\"kind\":\"GENERAL\",\"choice\":\"ERASE\"}").when()
                    .put("/subjects/{s}/post-mortem-instructions", subject).then().statusCode(200)
                    .body("current.version", equalTo(1));
            String id = RightsApi.fileOwn(subject, "ERASURE", null);
            RightsApi.dpo(id, "verify-identity", null).statusCode(200);
            rights.send(Topics.CONSENT, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\""
                    + subject + "\",\"system\":\"consent-service\",\"erased\":[],\"kept\":[]}");
            rights.send(Topics.RETENTION, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\""
                    + subject + "\",\"system\":\"retention-service\",\"erased\":[],\"kept\":[]}");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                    .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE"))
                    .body("outcomes.find { it.recipientId == 'consent-service' }.status", equalTo("DONE")));
            given().auth().oauth2(TestTokens.service("crm")).contentType(ContentType.JSON)
                    .body("{\"recipientId\":\"crm-processor\",\"status\":\"DONE\"}")
                    .when().post("/requests/{id}/outcomes", id).then().statusCode(200).body("status", equalTo("COMPLETED"));
            assertThat(SubjectTraces.columnsHolding(entityManager, subject, SubjectTraces.UNTIL_PURGED)).as("life " + life)
                    .isEmpty();
        }
    }

    @Test
    void aRejectedErasureForgetsNothing() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ERASURE", null);
        RightsApi.dpo(id, "reject", "{\"ground\":\"IDENTITY_NOT_VERIFIED\"}").statusCode(200);
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("subjectId", equalTo(subject)).body("status", equalTo("REJECTED"));
    }

    private static void putRecipients() {
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("""
                [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"retention-service","name":"Retention service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"crm-processor","name":"CRM processor","kind":"PROCESSOR","appliesTo":["ERASURE","RECTIFICATION"],"channel":"REST",
                  "reportedBy":"crm"}]""").when().put("/recipients").then().statusCode(200);
    }
}
