package org.privacyplatform.system;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The running platform as ./platform up starts it (README "Local run"), reached only through its public
 * APIs with real Keycloak tokens.
 */
final class Platform {

    static final String CONSENT = "http://127.0.0.1:8081";
    static final String RIGHTS = "http://127.0.0.1:8082";
    static final String RETENTION = "http://127.0.0.1:8083";
    static final String AUDIT = "http://127.0.0.1:8084";
    static final String TOKEN_URL = "http://127.0.0.1:8180/realms/privacy/protocol/openid-connect/token";
    static final String KAFKA = "127.0.0.1:9092";

    /** The demo users' subject ids (their Keycloak ids, fixed in deploy/keycloak/privacy-realm.json). */
    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static {
        // a failing step prints what it sent and what it saw
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Platform() {
    }

    /**
     * A token for a demo user (password grant of the frontend client, local only), "service" (the demo calling
     * system lms) or "service:NAME" (the calling system NAME), as ./platform token gives them.
     */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            var request = given().contentType("application/x-www-form-urlencoded");
            String system = u.equals("service") ? "lms" : u.startsWith("service:") ? u.substring("service:".length()) : null;
            request = system != null
                    ? request.formParam("grant_type", "client_credentials").formParam("client_id", system)
                            .formParam("client_secret", system + "-local-secret")
                    : request.formParam("grant_type", "password").formParam("client_id", "privacy-frontend")
                            .formParam("username", u).formParam("password", u);
            return request.when().post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
        });
    }

    /**
     * Kafka client settings of a principal of the local run's broker (README "Kafka: principals and ACLs"),
     * with its LOCAL DEVELOPMENT password: "operator" for people and tools, or a service's name.
     */
    static Map<String, Object> kafkaClient(String principal) {
        return kafkaClient(principal, principal + "-local-dev-password");
    }

    static Map<String, Object> kafkaClient(String principal, String password) {
        return Map.of("bootstrap.servers", KAFKA, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + principal + "\" password=\"" + password + "\";");
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType("application/json");
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250));
    }

    /** The subject's events of a type in the audit log, in log order, as the auditor reads them. */
    static List<Map<String, Object>> auditEvents(String subjectId, String type) {
        JsonPath page = as("audrey").queryParam("subjectId", subjectId).queryParam("type", type).queryParam("size", 500)
                .when().get(AUDIT + "/audit/events").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    static ConsentDecision decision(String subjectId, String purposeId) {
        JsonPath answer = as("service").when().get(CONSENT + "/subjects/{s}/decisions/{p}", subjectId, purposeId).then()
                .statusCode(200).extract().jsonPath();
        return new ConsentDecision(answer.getBoolean("allowed"), answer.getString("reason"), answer.getBoolean("storageOnly"));
    }

    record ConsentDecision(boolean allowed, String reason, boolean storageOnly) {
    }

    static void decide(String user, String subjectId, String purposeId, boolean granted) {
        as(user).body("{\"granted\":" + granted + ",\"noticeVersion\":\"1.0\",\"source\":\"web\"}").when()
                .put(CONSENT + "/subjects/{s}/consents/{p}", subjectId, purposeId).then().statusCode(200);
    }

    /** Files a request as the subject and has dora verify the subject's identity; returns its id. */
    static String fileAndVerify(String user, String subjectId, String type, String details) {
        String id = as(user).body("{\"subjectId\":\"" + subjectId + "\",\"type\":\"" + type + "\""
                + (details == null ? "" : ",\"details\":" + details) + "}").when().post(RIGHTS + "/requests").then()
                .statusCode(201).extract().path("id");
        as("dora").when().post(RIGHTS + "/requests/{id}/verify-identity", id).then().statusCode(200);
        return id;
    }
}
