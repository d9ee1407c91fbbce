package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** The schedule and the legal holds are paged; a legal hold's free text is bounded. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RetentionBoundsTest {

    @Test
    void aSchedulePagesWithALinkToTheNextPage() {
        String subject = RetentionApi.subject();
        for (String reference : new String[] { "a", "b", "c" }) {
            RetentionApi.register(TestTokens.service(), subject, "newsletter", reference, "2026-01-01").statusCode(201);
        }
        String link = given().auth().oauth2(TestTokens.dpo()).queryParam("size", 2).when().get("/subjects/{s}/schedule", subject)
                .then().statusCode(200).body("", hasSize(2)).extract().header("Link");
        org.assertj.core.api.Assertions.assertThat(link).isEqualTo("</subjects/" + subject + "/schedule?page=1&size=2>; rel=\"next\"");
        given().auth().oauth2(TestTokens.dpo()).queryParam("size", 2).queryParam("page", 1).when()
                .get("/subjects/{s}/schedule", subject).then().statusCode(200).body("", hasSize(1)).header("Link", nullValue());
    }

    @Test
    void pageParametersOutOfRangeAre400NamingTheParameter() {
        String subject = RetentionApi.subject();
        String[][] cases = { { "page=2147483647", "page" }, { "size=0", "size" }, { "size=501", "size" } };
        for (String[] c : cases) {
            given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/" + subject + "/schedule?" + c[0]).then()
                    .statusCode(400).contentType(RetentionApi.PROBLEM).body("errors.field", hasItem(c[1]));
            given().auth().oauth2(TestTokens.dpo()).when().get("/legal-holds?" + c[0]).then()
                    .statusCode(400).contentType(RetentionApi.PROBLEM).body("errors.field", hasItem(c[1]));
        }
        given().auth().oauth2(TestTokens.dpo()).when().get("/legal-holds?page=abc").then().statusCode(400)
                .contentType(RetentionApi.PROBLEM);
    }

    @Test
    void aLegalHoldsCaseAndReasonAreBoundedAndNothingIsPlacedOtherwise() {
        String subject = RetentionApi.subject();
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"" + subject + "\",\"caseReference\":\"" + "c".repeat(201) + "\",\"reason\":\""
                        + "r".repeat(2001) + "\"}")
                .when().post("/legal-holds").then().statusCode(400).contentType(RetentionApi.PROBLEM)
                .body("errors.field", hasItem("caseReference")).body("errors.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.dpo()).queryParam("size", 500).when().get("/legal-holds").then().statusCode(200)
                .body("findAll { it.subjectId == '" + subject + "' }", hasSize(0));
    }

    @Test
    void theRulesAndARulesVersionsPageWithALinkToTheNextPage() {
        // the reference policy seeds more than two rules
        String link = given().queryParam("size", 2).when().get("/policies").then().statusCode(200).body("", hasSize(2))
                .extract().header("Link");
        org.assertj.core.api.Assertions.assertThat(link).isEqualTo("</policies?page=1&size=2>; rel=\"next\"");
        String rule = given().queryParam("size", 1).when().get("/policies").then().extract().path("[0].id");
        given().queryParam("size", 1).when().get("/policies/{id}/versions", rule).then().statusCode(200)
                .body("", hasSize(1)).body("[0].version", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("size", 500).queryParam("page", 9).when().get("/policies/{id}/versions", rule).then()
                .statusCode(200).body("", hasSize(0)).header("Link", nullValue());
        for (String[] c : new String[][] { { "page=2147483647", "page" }, { "size=0", "size" }, { "size=501", "size" } }) {
            given().when().get("/policies?" + c[0]).then().statusCode(400).contentType(RetentionApi.PROBLEM)
                    .body("errors.field", hasItem(c[1]));
            given().when().get("/policies/" + rule + "/versions?" + c[0]).then().statusCode(400)
                    .contentType(RetentionApi.PROBLEM).body("errors.field", hasItem(c[1]));
        }
    }
}
