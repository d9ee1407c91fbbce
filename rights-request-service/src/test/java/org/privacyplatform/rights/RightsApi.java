package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.privacyplatform.commons.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The request API as the tests call it. */
final class RightsApi {

    static final String PROBLEM = "application/problem+json";

    private RightsApi() {
    }

    static String subject() {
        return "subj-" + UUID.randomUUID();
    }

    static ValidatableResponse file(String token, String subject, String type, String details) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"subjectId\":\"" + subject + "\",\"type\":\"" + type + "\""
                        + (details == null ? "" : ",\"details\":" + details) + "}")
                .when().post("/requests").then();
    }

    static String fileOwn(String subject, String type, String details) {
        return file(TestTokens.dataSubject(subject), subject, type, details).statusCode(201).extract().path("id");
    }

    static ValidatableResponse dpo(String id, String action, String body) {
        var request = given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/requests/{id}/" + action, id).then();
    }

    static ValidatableResponse get(String id) {
        return given().auth().oauth2(TestTokens.dpo()).when().get("/requests/{id}", id).then().statusCode(200);
    }
}
