package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * The export's rules and failure path (its content, assembled from the running services, is checked by
 * ./platform smoke), and post-mortem instructions applied when a death is recorded.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ExportAndDeathTest {

    private static EventProbe rights;

    @BeforeAll
    static void watch() {
        rights = new EventProbe(Topics.RIGHTS);
    }

    @AfterAll
    static void stop() {
        rights.close();
    }

    @Test
    void anExportNeedsAVerifiedAccessOrPortabilityRequestOfTheCallersOwn() {
        String subject = RightsApi.subject();
        String access = RightsApi.fileOwn(subject, "ACCESS", null);
        String erasure = RightsApi.fileOwn(subject, "ERASURE", null);
        String token = TestTokens.dataSubject(subject);

        given().auth().oauth2(token).when().get("/requests/{id}/export", access).then().statusCode(409)
                .contentType(RightsApi.PROBLEM).body("detail", containsString("12(6)"));
        given().auth().oauth2(token).when().get("/requests/{id}/export", erasure).then().statusCode(409);
        given().auth().oauth2(TestTokens.dataSubject(RightsApi.subject())).when().get("/requests/{id}/export", access)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.service()).when().get("/requests/{id}/export", access).then().statusCode(403);
    }

    @Test
    void whenAServiceCannotAnswerTheExportFailsClearlyAndCostsNoCopy() {
        String subject = RightsApi.subject();
        String access = RightsApi.fileOwn(subject, "ACCESS", null);
        RightsApi.dpo(access, "verify-identity", null).statusCode(200);

        // in this test the consent, retention and audit services are not running
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}/export", access).then()
                .statusCode(502).contentType(RightsApi.PROBLEM).body("detail", containsString("no copy was counted"));
        RightsApi.get(access).body("exportCopies", equalTo(0));
    }

    @Test
    void postMortemInstructionsAreAppliedWhenTheDeathIsRecorded() {
        String subject = RightsApi.subject();
        String instructions = RightsApi.file(TestTokens.dpo(), subject, "POST_MORTEM_INSTRUCTIONS",
                "{\"erase\":true,\"note\":\"received by post\"}").statusCode(201).extract().path("id");
        RightsApi.dpo(instructions, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));

        death(subject, LocalDate.now().plusDays(3).toString()).statusCode(400).body("errors.field", hasItem("diedOn"));
        death(subject, "2026-11-01").statusCode(200).body("type", hasItem("ERASURE"));

        RightsApi.get(instructions).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/requests", subject).then()
                .body("find { it.type == 'ERASURE' }.status", equalTo("IN_PROGRESS"))
                .body("find { it.type == 'ERASURE' }.details.origin", containsString(instructions));
        CloudEvent requested = rights.await(subject, "ErasureRequested");
        assertThat(requested.subject()).isEqualTo(subject);
        rights.await(subject, "DeathRecorded");
        given().auth().oauth2(TestTokens.dataSubject(subject)).contentType(ContentType.JSON)
                .body("{\"diedOn\":\"2026-11-01\",\"evidence\":\"x\"}").when().post("/subjects/{s}/death", subject)
                .then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse death(String subject, String diedOn) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"diedOn\":\"" + diedOn + "\",\"evidence\":\"death certificate 2026-1234\"}")
                .when().post("/subjects/{s}/death", subject).then();
    }
}
