package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.rights.repository.RequestRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Post-mortem instructions filed as requests before migration V4 keep working: never overdue, registered as a version
 * of the instructions once verified, and closed as superseded when the death is recorded.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LegacyPostMortemRequestTest {

    @Inject
    RequestRepository requests;

    @Test
    void anOldInstructionsRequestIsNeverOverdueBecomesAVersionOnceVerifiedAndClosesAtTheDeath() {
        String subject = RightsApi.subject();
        // filed as a request two years ago, as the service allowed before V4, by post: long past its "due date"
        String legacy = legacyRequest(subject, "{\"erase\":true}");
        given().auth().oauth2(TestTokens.dpo()).queryParam("overdue", true).queryParam("size", 500).when().get("/requests")
                .then().statusCode(200).body("id", not(hasItem(legacy)));

        RightsApi.dpo(legacy, "verify-identity", null).statusCode(200).body("status", equalTo("COMPLETED"))
                .body("history[-1].note", equalTo("registered as post-mortem instructions version 1"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/post-mortem-instructions", subject).then()
                .statusCode(200).body("current.version", equalTo(1)).body("current.choice", equalTo("ERASE"))
                .body("current.kind", equalTo("GENERAL"));

        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"diedOn\":\"2026-11-01\",\"evidence\":\"death certificate\"}").when()
                .post("/subjects/{s}/death", subject).then().statusCode(200)
                .body("death.appliedChoice", equalTo("ERASE")).body("requests[0].type", equalTo("ERASURE"));
    }

    @Test
    void anOldInstructionsRequestStillInProgressIsClosedAsSupersededAtTheDeath() {
        String subject = RightsApi.subject();
        String legacy = legacyRequest(subject, "{\"erase\":false}");
        QuarkusTransaction.requiringNew().run(() -> requests.findById(UUID.fromString(legacy)).status = RequestStatus.IN_PROGRESS);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"diedOn\":\"2026-11-01\",\"evidence\":\"death certificate\"}").when()
                .post("/subjects/{s}/death", subject).then().statusCode(200)
                .body("death.appliedVersion", equalTo(null)).body("requests[0].id", equalTo(legacy))
                .body("requests[0].status", equalTo("COMPLETED"));
    }

    private String legacyRequest(String subject, String details) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RightsRequest request = new RightsRequest();
            request.id = UUID.randomUUID();
            request.subjectId = subject;
            request.type = RequestType.POST_MORTEM_INSTRUCTIONS;
            request.status = RequestStatus.RECEIVED;
            request.details = details;
            request.filedBy = "dpo";
            request.receivedAt = OffsetDateTime.of(2024, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            request.dueAt = OffsetDateTime.of(2024, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            requests.persist(request);
            return request.id.toString();
        });
    }
}
