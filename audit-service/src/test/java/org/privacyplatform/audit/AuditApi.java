package org.privacyplatform.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.restassured.path.json.JsonPath;

/** The audit API and the platform's topics, as the tests use them. */
final class AuditApi {

    static final String PROBLEM = "application/problem+json";

    private AuditApi() {
    }

    static String subject() {
        return "subj-" + UUID.randomUUID();
    }

    /** Publishes an event on a topic and waits until it is a leaf of the log; returns its ce_id. */
    static String publishAndAwait(EventProbe kafka, String topic, String type, String subject) {
        String id = kafka.send(topic, type, subject, EventProbe.sample(topic, type, subject));
        awaitLeaf(id);
        return id;
    }

    static void awaitLeaf(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.auditor()).when()
                .get("/audit/events/{id}", eventId).statusCode() == 200);
    }

    static JsonPath checkpoint() {
        return given().auth().oauth2(TestTokens.auditor()).when().get("/audit/checkpoint").then().statusCode(200)
                .extract().jsonPath();
    }
}
