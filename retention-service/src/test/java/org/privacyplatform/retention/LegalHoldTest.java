package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** Nothing under a legal hold expires; once lifted, what fell due expires at the next sweep. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LegalHoldTest {

    @Test
    void aHoldOnASubjectSuspendsExpiryUntilLifted() {
        String subject = RetentionApi.subject();
        // call recordings do not restart a limitation period after a hold (fraud data does: LimitationRestartTest)
        RetentionApi.register(subject, "call-recording", "2024-01-10").statusCode(201).body("dueOn", equalTo("2024-07-10"));
        String holdId = place("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"RG 24/01234\",\"reason\":\"fraud litigation\"}")
                .statusCode(201).extract().path("id");

        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD")).body("[0].legalHolds", hasSize(1))
                .body("[0].legalHolds[0].caseReference", equalTo("RG 24/01234"));

        lift(holdId).statusCode(200).body("liftedAt", org.hamcrest.Matchers.notNullValue());
        RetentionApi.schedule(subject).body("[0].dueOn", equalTo("2024-07-10"))
                .body("[0].proceedingsEndedOn", org.hamcrest.Matchers.nullValue());
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("EXPIRED"));

        lift(holdId).statusCode(409).contentType(RetentionApi.PROBLEM);
    }

    @Test
    void aHoldOnACategoryKeepsEverySubjectsDataOfThatCategory() {
        String rule = "held-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + rule + "\",\"description\":\"d\",\"anchor\":\"COLLECTION\",\"period\":\"P1M\","
                        + "\"endAction\":\"DELETE\",\"ground\":\"test\"}")
                .when().put("/policies/" + rule).then().statusCode(201);
        String first = RetentionApi.subject();
        String second = RetentionApi.subject();
        RetentionApi.register(first, rule, "2025-01-01").statusCode(201);
        RetentionApi.register(second, rule, "2025-01-01").statusCode(201);
        String holdId = place("{\"category\":\"" + rule + "\",\"caseReference\":\"CASE-7\",\"reason\":\"regulator inquiry\"}")
                .statusCode(201).extract().path("id");

        RetentionApi.sweep();
        RetentionApi.schedule(first).body("[0].status", equalTo("HELD"));
        RetentionApi.schedule(second).body("[0].status", equalTo("HELD"));

        lift(holdId).statusCode(200);
        RetentionApi.sweep();
        RetentionApi.schedule(first).body("[0].status", equalTo("EXPIRED"));
        RetentionApi.schedule(second).body("[0].status", equalTo("EXPIRED"));
    }

    @Test
    void legalHoldsAreTheDposAndNeedASubjectOrACategory() {
        String body = "{\"subjectId\":\"someone\",\"caseReference\":\"C\",\"reason\":\"r\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/legal-holds").then().statusCode(401);
        for (String token : new String[] { TestTokens.service(), TestTokens.dataSubject("someone"), TestTokens.auditor() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/legal-holds")
                    .then().statusCode(403).contentType(RetentionApi.PROBLEM);
        }
        // the auditor reads the holds, the others do not
        given().auth().oauth2(TestTokens.auditor()).when().get("/legal-holds").then().statusCode(200);
        for (String token : new String[] { TestTokens.service(), TestTokens.dataSubject("someone") }) {
            given().auth().oauth2(token).when().get("/legal-holds").then().statusCode(403);
        }
        place("{\"caseReference\":\"C\",\"reason\":\"r\"}").statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("subjectId"));
        place("{\"category\":\"no-such-category\",\"caseReference\":\"C\",\"reason\":\"r\"}").statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("category"));
        place("{\"subjectId\":\"someone\",\"reason\":\"r\"}").statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("caseReference"));
        lift(java.util.UUID.randomUUID().toString()).statusCode(404);
        given().auth().oauth2(TestTokens.service()).when().post("/sweeps").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse place(String body) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body).when().post("/legal-holds")
                .then();
    }

    private static io.restassured.response.ValidatableResponse lift(String holdId) {
        return given().auth().oauth2(TestTokens.dpo()).when().delete("/legal-holds/" + holdId).then();
    }
}
