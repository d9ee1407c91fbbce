package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The customer's frontend and the banner call from the origins configured, and from no other. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CorsTest {

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndFromAnotherIsNot() {
        String device = DeviceApi.newDevice();
        for (String origin : new String[] { "http://127.0.0.1:8085", "http://localhost:8085" }) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "content-type").when()
                    .options("/devices/{d}/consents/cookies-consent", device).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", containsString("PUT"))
                    .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"))
                    .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        }
        given().header("Origin", "http://127.0.0.1:8085").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").when()
                .options("/subjects/{s}/devices/{d}", "alice", device).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8085");
        for (String origin : new String[] { "https://evil.example", "http://127.0.0.1:8085.evil.example", "null" }) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "PUT").when()
                    .options("/devices/{d}/consents/cookies-consent", device).then()
                    .statusCode(not(equalTo(200))).header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", origin).when().get("/devices/{d}/consents", device).then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        // a method the frontend never sends is not allowed from an allowed origin either
        given().header("Origin", "http://localhost:8085").header("Access-Control-Request-Method", "DELETE").when()
                .options("/devices/{d}/consents/cookies-consent", device).then()
                .header("Access-Control-Allow-Methods", not(containsString("DELETE")));
        // the real request from an allowed origin carries the header
        given().header("Origin", "http://localhost:8085").when().get("/devices/{d}/consents", device).then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:8085");
    }

}
