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

    /** A decision from the subject's frontend (source web). */
    static ValidatableResponse put(String token, String subjectId, String purposeId, boolean granted, String noticeVersion) {
        return put(token, subjectId, purposeId, granted, noticeVersion, "web");
    }

    static ValidatableResponse put(String token, String subjectId, String purposeId, boolean granted, String noticeVersion,
            String source) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"granted\":" + granted + ",\"noticeVersion\":\"" + noticeVersion + "\",\"source\":\"" + source
                        + "\"}")
                .when().put("/subjects/{s}/consents/{p}", subjectId, purposeId).then();
    }

    /** A decision a calling system records on the subject's behalf (source api). */
    static ValidatableResponse putAsService(String token, String subjectId, String purposeId, boolean granted) {
        return put(token, subjectId, purposeId, granted, "1.0", "api");
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
