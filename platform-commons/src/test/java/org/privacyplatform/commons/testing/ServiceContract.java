package org.privacyplatform.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service promises operators, checked in each service by a {@code @QuarkusTest} subclass:
 * ready against the real database and broker, an OpenAPI document, Prometheus metrics, and problem+json
 * for a path that does not exist.
 */
public abstract class ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

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

    /**
     * The document clients are generated from is stored in the repository ({@code openapi/<service>.json}): a change
     * of the API shows in review as a change of that file. Run the test with {@code -Dopenapi.update=true} to store
     * the running service's document after a deliberate change.
     */
    @Test
    void servesTheOpenApiDocumentStoredInTheRepository() throws IOException {
        String served = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        JsonNode document = JSON.readTree(served);
        Path stored = Path.of("..", "openapi", document.path("info").path("title").asText() + ".json");
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(stored.getParent());
            Files.writeString(stored, pretty);
        }
        assertThat(stored).as("the stored OpenAPI document (store it with -Dopenapi.update=true)").exists();
        Path actual = Path.of("target", "openapi-served.json");
        Files.writeString(actual, pretty);
        assertThat(JSON.readTree(Files.readString(stored)))
                .as("the served OpenAPI document differs from %s (served: %s); if the change is deliberate, store it "
                        + "with -Dopenapi.update=true", stored.normalize(), actual)
                .isEqualTo(document);
    }

    /** Good enough to generate clients: ids, typed answers, and problem+json for every failure. */
    @Test
    void everyOperationHasAnIdATypedAnswerAndDeclaresItsProblems() throws IOException {
        JsonNode document = JSON.readTree(given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        Set<String> ids = new HashSet<>();
        List<String> defects = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String name = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                defects.add(name + ": no operationId");
            } else if (!ids.add(id)) {
                defects.add(name + ": operationId " + id + " is used twice");
            }
            JsonNode responses = operation.path("responses");
            if (!responses.path("default").path("content").has("application/problem+json")) {
                defects.add(name + ": no problem+json default response");
            }
            responses.properties().forEach(response -> {
                String code = response.getKey();
                JsonNode content = response.getValue().path("content");
                if ((code.startsWith("4") || code.startsWith("5")) && !content.has("application/problem+json")) {
                    defects.add(name + ": " + code + " without a problem+json body");
                }
                if (code.startsWith("2") && !code.equals("204") && content.isEmpty()) {
                    defects.add(name + ": " + code + " without a body type");
                }
                if (code.startsWith("2") && !code.equals("204") && !content.isEmpty()) {
                    content.properties().forEach(media -> {
                        if (media.getValue().path("schema").isEmpty()) {
                            defects.add(name + ": " + code + " " + media.getKey() + " without a schema");
                        }
                    });
                }
            });
            boolean typed = responses.properties().stream().anyMatch(r -> r.getKey().startsWith("2"));
            if (!typed) {
                defects.add(name + ": no success response declared");
            }
        }));
        assertThat(defects).isEmpty();
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
