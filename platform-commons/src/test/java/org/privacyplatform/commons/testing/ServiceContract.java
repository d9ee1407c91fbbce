package org.privacyplatform.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every service promises operators, checked in each service by a {@code @QuarkusTest} subclass:
 * ready against the real database and broker, an OpenAPI document, Prometheus metrics, and problem+json
 * for a path that does not exist.
 */
public abstract class ServiceContract {

    @Test
    void isReadyWithItsDatabaseSchemaAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("database schema"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body("openapi", notNullValue());
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void answersAnUnknownPathWithProblemJson() {
        given().when().get("/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
