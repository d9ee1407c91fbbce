package org.privacyplatform.commons.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;

/** A verified token is recognised by its digest, never past its exp, never once its key is withdrawn. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class VerifiedTokensTest {

    @OidcWireMock
    WireMockServer issuer;

    @Inject
    VerifiedTokens tokens;

    @Inject
    MeterRegistry registry;

    @Test
    void aRecognisedTokenGivesTheSameIdentityAndRolesAsTheFullCheck() {
        String token = TestTokens.service("crm");
        double hits = hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/probe/actor").then().statusCode(200)
                    .body("type", equalTo("SERVICE")).body("id", equalTo("crm"));
            // the role check applies to the recognised identity as to the verified one
            given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(403);
        }
        assertThat(hits()).as("the second and later requests are recognised").isGreaterThanOrEqualTo(hits + 4);
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasRecognisedBefore() throws InterruptedException {
        String token = Jwt.claims().subject("dpo-user").issuer(TestTokens.ISSUER).audience("https://service.example.com")
                .claim("realm_access", Map.of("roles", List.of("dpo"))).expiresIn(2).jws().keyId("1").sign("privateKey.jwk");
        given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(200);
        given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(200);
        Thread.sleep(3_000);
        given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(401);
    }

    @Test
    void aTokenChangedByOneByteIsNeverRecognised() {
        String token = TestTokens.dpo();
        given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(200);
        int last = token.length() - 2;
        char changed = token.charAt(last) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, last) + changed + token.substring(last + 1);
        given().auth().oauth2(forged).when().get("/probe/subjects/s-1").then().statusCode(401);
        // and the claims part changed (a role added), signature kept
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String escalated = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"dpo\"", "\"dpo\",\"auditor\"").getBytes());
        given().auth().oauth2(parts[0] + "." + escalated + "." + parts[2]).when().get("/probe/subjects/s-1").then()
                .statusCode(401);
    }

    @Test
    void onceTheIssuerWithdrawsTheSigningKeyItsTokensAreRefused() {
        String token = TestTokens.dpo();
        given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(200);
        tokens.readPublishedKeys();
        StubMapping rotated = issuer.stubFor(get(urlPathMatching(".*/protocol/openid-connect/certs")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"keys":[{"kty":"RSA","kid":"2","use":"sig","alg":"RS256","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"}]}
                        """)));
        try {
            tokens.readPublishedKeys();
            given().auth().oauth2(token).when().get("/probe/subjects/s-1").then().statusCode(401);
            given().auth().oauth2(TestTokens.dpo()).when().get("/probe/subjects/s-1").then().statusCode(401);
        } finally {
            issuer.removeStub(rotated);
            tokens.readPublishedKeys();
        }
        given().auth().oauth2(TestTokens.dpo()).when().get("/probe/subjects/s-1").then().statusCode(200);
    }

    private double hits() {
        return registry.get("privacy.token.cache").tag("result", "hit").counter().count();
    }
}
