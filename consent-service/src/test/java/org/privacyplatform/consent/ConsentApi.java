package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;

import org.privacyplatform.commons.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The consent API as the tests call it. */
final class ConsentApi {

    static final String PROBLEM = "application/problem+json";

    private ConsentApi() {
    }

    static ValidatableResponse put(String token, String subjectId, String purposeId, boolean granted, String noticeVersion) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"granted\":" + granted + ",\"noticeVersion\":\"" + noticeVersion + "\",\"source\":\"web\"}")
                .when().put("/subjects/{s}/consents/{p}", subjectId, purposeId).then();
    }

    static ValidatableResponse grant(String subjectId, String purposeId) {
        return put(TestTokens.dataSubject(subjectId), subjectId, purposeId, true, "1.0").statusCode(200);
    }

    static ValidatableResponse refuse(String subjectId, String purposeId) {
        return put(TestTokens.dataSubject(subjectId), subjectId, purposeId, false, "1.0").statusCode(200);
    }

    static ValidatableResponse decision(String subjectId, String purposeId) {
        return given().auth().oauth2(TestTokens.service()).when()
                .get("/subjects/{s}/decisions/{p}", subjectId, purposeId).then().statusCode(200);
    }
}
