package org.privacyplatform.commons.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Who acted, as every service records it: a system by its client id (azp), a person by their sub. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CallerTest {

    @Test
    void aCallingSystemIsNamedByItsClientId() {
        given().auth().oauth2(TestTokens.service("crm")).when().get("/probe/actor").then().statusCode(200)
                .body("type", equalTo("SERVICE")).body("id", equalTo("crm"));
        given().auth().oauth2(TestTokens.service()).when().get("/probe/actor").then().statusCode(200)
                .body("id", equalTo(TestTokens.DEMO_SYSTEM));
    }

    @Test
    void aServiceTokenThatNamesNoSystemActsForNobody() {
        given().auth().oauth2(TestTokens.token("service-account-anonymous", Roles.SERVICE)).when().get("/probe/actor")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPersonIsNamedByTheirSub() {
        given().auth().oauth2(TestTokens.dataSubject("alice")).when().get("/probe/actor").then().statusCode(200)
                .body("type", equalTo("SUBJECT")).body("id", equalTo("alice"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/probe/actor").then().statusCode(200)
                .body("type", equalTo("DPO")).body("id", equalTo("dpo-user"));
        given().auth().oauth2(TestTokens.auditor()).when().get("/probe/actor").then().statusCode(403);
    }
}
