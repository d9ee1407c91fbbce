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
 * The export's rules and failure path when the other services do not answer (its content: AccessExportTest, and
 * ./platform smoke against the running services).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ExportRulesTest {

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

}
