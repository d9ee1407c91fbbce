package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** What the request API accepts is bounded: body size, free text, list sizes and pages. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RequestBoundsTest {

    @Test
    void detailsOverTheirBoundAre400NamingTheFieldAndNothingIsFiled() {
        String subject = RightsApi.subject();
        String token = TestTokens.dataSubject(subject);
        RightsApi.file(token, subject, "RECTIFICATION", "{\"correction\":\"" + "x".repeat(9000) + "\"}")
                .statusCode(400).contentType(RightsApi.PROBLEM).body("errors.field", hasItem("details"));
        given().auth().oauth2(token).when().get("/subjects/{s}/requests", subject).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aTenMegabyteRequestIs413ProblemJson() {
        String subject = RightsApi.subject();
        RightsApi.file(TestTokens.dataSubject(subject), subject, "RECTIFICATION",
                "{\"correction\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}")
                .statusCode(413).contentType(RightsApi.PROBLEM).body("status", equalTo(413));
    }

    @Test
    void freeTextOfTheDpoAndOfRecipientsIsBounded() {
        String id = RightsApi.fileOwn(RightsApi.subject(), "ERASURE", null);
        RightsApi.dpo(id, "extend", "{\"reason\":\"" + "r".repeat(2001) + "\"}").statusCode(400)
                .contentType(RightsApi.PROBLEM).body("errors.field", hasItem("reason"));
        RightsApi.dpo(id, "reject", "{\"ground\":\"MANIFESTLY_UNFOUNDED\",\"detail\":\"" + "d".repeat(2001) + "\"}")
                .statusCode(400).body("errors.field", hasItem("detail"));
        StringBuilder erased = new StringBuilder("[");
        for (int i = 0; i <= 100; i++) {
            erased.append(i == 0 ? "" : ",").append("{\"category\":\"c").append(i).append("\"}");
        }
        given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"recipientId\":\"crm\",\"status\":\"DONE\",\"erased\":" + erased + "]}")
                .when().post("/requests/{id}/outcomes", id).then().statusCode(400).body("errors.field", hasItem("erased"));
        given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"recipientId\":\"crm\",\"status\":\"DONE\",\"kept\":[{\"category\":\"c\",\"ground\":\""
                        + "g".repeat(2001) + "\"}]}")
                .when().post("/requests/{id}/outcomes", id).then().statusCode(400)
                .body("errors.field", hasItem("kept[0].ground"));
        RightsApi.get(id).body("status", equalTo("RECEIVED")).body("extension", nullValue());
    }

    @Test
    void aSubjectsRequestsArePagedWithALinkToTheNextPage() {
        String subject = RightsApi.subject();
        for (int i = 0; i < 3; i++) {
            RightsApi.fileOwn(subject, "ACCESS", null);
        }
        String token = TestTokens.dataSubject(subject);
        String link = given().auth().oauth2(token).queryParam("size", 2).when().get("/subjects/{s}/requests", subject)
                .then().statusCode(200).body("", hasSize(2)).extract().header("Link");
        org.assertj.core.api.Assertions.assertThat(link)
                .isEqualTo("</subjects/" + subject + "/requests?page=1&size=2>; rel=\"next\"");
        given().auth().oauth2(token).queryParam("size", 2).queryParam("page", 1).when().get("/subjects/{s}/requests", subject)
                .then().statusCode(200).body("", hasSize(1)).header("Link", nullValue());
    }

    @Test
    void pageParametersOutOfRangeAre400NeverA500() {
        String[][] cases = { { "page=2147483647", "page" }, { "page=-1", "page" }, { "size=0", "size" },
                { "size=501", "size" } };
        for (String[] c : cases) {
            given().auth().oauth2(TestTokens.dpo()).when().get("/requests?" + c[0]).then().statusCode(400)
                    .contentType(RightsApi.PROBLEM).body("errors.field", hasItem(c[1]));
        }
        given().auth().oauth2(TestTokens.dpo()).when().get("/requests?size=abc").then().statusCode(400)
                .contentType(RightsApi.PROBLEM);
        given().auth().oauth2(TestTokens.dpo()).when().get("/requests?status=NOT_A_STATUS").then().statusCode(400)
                .contentType(RightsApi.PROBLEM);
    }

    @Test
    void theRecipientsPageByIdWithALinkToTheNextPage() {
        java.util.List<java.util.Map<String, Object>> all = new java.util.ArrayList<>();
        String next = "/recipients?size=1";
        while (next != null) {
            var response = given().auth().oauth2(TestTokens.dpo()).when().get(next).then().statusCode(200)
                    .body("", hasSize(1)).extract();
            all.add(response.path("[0]"));
            String link = response.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        java.util.List<java.util.Map<String, Object>> whole = given().auth().oauth2(TestTokens.dpo()).when()
                .get("/recipients?size=500").then().statusCode(200).extract().path("");
        org.assertj.core.api.Assertions.assertThat(all).isEqualTo(whole).hasSizeGreaterThan(1);
        given().auth().oauth2(TestTokens.dpo()).when().get("/recipients?size=501").then().statusCode(400)
                .contentType(RightsApi.PROBLEM).body("errors.field", hasItem("size"));
    }
}
