package org.privacyplatform.retention;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.privacyplatform.commons.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The retention API as the tests call it. */
final class RetentionApi {

    /** Whether the service has taken the event in (its inbox row; a consumer that passes an event writes none). */
    static boolean processed(jakarta.persistence.EntityManager entityManager, String eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue() > 0);
    }

    static final String PROBLEM = "application/problem+json";

    private RetentionApi() {
    }

    static String subject() {
        return "subj-" + UUID.randomUUID();
    }

    static ValidatableResponse register(String subject, String category, String anchorDate) {
        return register(TestTokens.service(), subject, category, "ref-" + category, anchorDate);
    }

    static ValidatableResponse register(String token, String subject, String category, String reference, String anchorDate) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"system\":\"lms\",\"reference\":\"" + reference + "\""
                        + (anchorDate == null ? "" : ",\"anchorDate\":\"" + anchorDate + "\"") + "}")
                .when().post("/subjects/{s}/holdings", subject).then();
    }

    static ValidatableResponse schedule(String subject) {
        return given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/schedule", subject).then().statusCode(200);
    }

    static int sweep() {
        return given().auth().oauth2(TestTokens.dpo()).when().post("/sweeps").then().statusCode(200)
                .extract().path("expired");
    }
}
