package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The decision API's answer to a malformed subject id or purpose id, to the byte: 400 problem+json, {@code errors}
 * naming each field (sorted by field), {@code detail} joining them as "field: detail; ...".
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DecisionBadInputTest {

    static final String SUBJECT_MESSAGE = "is not a valid subject id";
    static final String PURPOSE_MESSAGE = "must be 1-64 characters of lower-case letters, digits and '-'";

    @Test
    void aMalformedSubjectIdOrPurposeIdOnTheSingleDecisionIsA400NamingIt() {
        String subject = ConsentResourceTest.subject();
        problem(get(TestTokens.service(), "bad*id", "newsletter"), "/subjects/bad*id/decisions/newsletter",
                "subjectId: " + SUBJECT_MESSAGE, error("subjectId", SUBJECT_MESSAGE));
        String tooLong = "s".repeat(65);
        problem(get(TestTokens.service(), tooLong, "newsletter"), "/subjects/" + tooLong + "/decisions/newsletter",
                "subjectId: " + SUBJECT_MESSAGE, error("subjectId", SUBJECT_MESSAGE));
        problem(get(TestTokens.service(), subject, "Not_A_Purpose"), "/subjects/" + subject + "/decisions/Not_A_Purpose",
                "purposeId: " + PURPOSE_MESSAGE, error("purposeId", PURPOSE_MESSAGE));
        problem(get(TestTokens.service(), subject, "-leading-dash"), "/subjects/" + subject + "/decisions/-leading-dash",
                "purposeId: " + PURPOSE_MESSAGE, error("purposeId", PURPOSE_MESSAGE));
        // both: each named, sorted by field
        problem(get(TestTokens.dpo(), "bad*id", "Not_A_Purpose"), "/subjects/bad*id/decisions/Not_A_Purpose",
                "purposeId: " + PURPOSE_MESSAGE + "; subjectId: " + SUBJECT_MESSAGE,
                error("purposeId", PURPOSE_MESSAGE), error("subjectId", SUBJECT_MESSAGE));
        // the shape is checked before whose subject it is: a data subject asking with a malformed id hears 400, not 403
        problem(get(TestTokens.dataSubject(subject), "bad*id", "newsletter"), "/subjects/bad*id/decisions/newsletter",
                "subjectId: " + SUBJECT_MESSAGE, error("subjectId", SUBJECT_MESSAGE));
        // the longest ids that fit are no problem
        get(TestTokens.service(), "s".repeat(64), "newsletter").statusCode(200);
        get(TestTokens.service(), "A.b_c:d-9", "newsletter").statusCode(200);
        get(TestTokens.service(), subject, "p" + "-".repeat(63)).statusCode(404);
        // without a token, 401 before any check of the input
        given().when().get("/subjects/{s}/decisions/{p}", "bad*id", "Not_A_Purpose").then().statusCode(401);
    }

    @Test
    void aMalformedSubjectIdOrPurposeIdInABatchIsA400NamingIt() {
        String subject = ConsentResourceTest.subject();
        problem(batch("{\"purposeId\":\"newsletter\",\"subjectIds\":[\"" + subject + "\",\"bad*id\"]}"), "/decisions",
                "subjectIds[1].<list element>: " + SUBJECT_MESSAGE, error("subjectIds[1].<list element>", SUBJECT_MESSAGE));
        problem(batch("{\"purposeId\":\"Not_A_Purpose\",\"subjectIds\":[\"" + subject + "\"]}"), "/decisions",
                "purposeId: " + PURPOSE_MESSAGE, error("purposeId", PURPOSE_MESSAGE));
        problem(batch("{\"subjectIds\":[\"" + subject + "\"]}"), "/decisions", "purposeId: must not be null",
                error("purposeId", "must not be null"));
        problem(batch("{\"purposeId\":\"newsletter\"}"), "/decisions", "subjectIds: must not be null",
                error("subjectIds", "must not be null"));
        problem(batch("{\"purposeId\":\"newsletter\",\"subjectIds\":[]}"), "/decisions",
                "subjectIds: size must be between 1 and 1000", error("subjectIds", "size must be between 1 and 1000"));
        // every bad element is named, sorted by field as text (so [10] comes before [2])
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(i == 2 || i == 10 ? "bad id " + i : subject).append('"');
        }
        problem(batch("{\"purposeId\":\"Bad\",\"subjectIds\":[" + ids + "]}"), "/decisions",
                "purposeId: " + PURPOSE_MESSAGE + "; subjectIds[10].<list element>: " + SUBJECT_MESSAGE
                        + "; subjectIds[2].<list element>: " + SUBJECT_MESSAGE,
                error("purposeId", PURPOSE_MESSAGE), error("subjectIds[10].<list element>", SUBJECT_MESSAGE),
                error("subjectIds[2].<list element>", SUBJECT_MESSAGE));
        // a null id breaks two rules (the order of the two is not promised)
        batch("{\"purposeId\":\"newsletter\",\"subjectIds\":[null]}").statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors", containsInAnyOrder(error("subjectIds[0].<list element>", "must not be null"),
                        error("subjectIds[0].<list element>", SUBJECT_MESSAGE)))
                .body("errors", hasSize(2));
    }

    private static ValidatableResponse get(String token, String subjectId, String purposeId) {
        return given().auth().oauth2(token).when().get("/subjects/{s}/decisions/{p}", subjectId, purposeId).then();
    }

    private static ValidatableResponse batch(String body) {
        return given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON).body(body).when()
                .post("/decisions").then();
    }

    private static Map<String, String> error(String field, String detail) {
        return Map.of("field", field, "detail", detail);
    }

    @SafeVarargs
    private static void problem(ValidatableResponse response, String instance, String detail, Map<String, String>... errors) {
        response.log().ifValidationFails().statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("type", equalTo("about:blank")).body("title", equalTo("Bad Request")).body("status", equalTo(400))
                .body("detail", equalTo(detail)).body("instance", equalTo(instance))
                .body("errors", equalTo(List.of(errors)));
    }
}
