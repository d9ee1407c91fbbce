package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.consent.service.PurposeCatalog;
import org.privacyplatform.consent.service.SubjectSnapshots;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;

/**
 * The decision API answers from memory on the I/O thread and reads the database on a worker otherwise: the answer
 * is the same either way, and a token recognised from the verified-token cache keeps the roles of its full check.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DecisionFromMemoryTest {

    @Inject
    SubjectSnapshots snapshots;

    @Inject
    PurposeCatalog catalog;

    @Inject
    MeterRegistry registry;

    @Test
    void aDecisionIsTheSameWhetherItsSubjectAndTheCatalogueAreReadOrInMemory() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.refuse(subject, "community-membership");
        for (String purpose : List.of("newsletter", "community-membership", "training-access", "cookies-consent")) {
            catalog.invalidate();
            snapshots.invalidate(subject);
            // first question: neither the catalogue nor the subject in memory (read on a worker)
            String read = decisionBody(subject, purpose);
            assertThat(catalog.inMemory()).isNotNull();
            assertThat(snapshots.inMemory(subject)).as("the snapshot is kept after the first question").isNotNull();
            // then from memory
            assertThat(decisionBody(subject, purpose)).isEqualTo(read);
            // the catalogue in memory, the subject not
            snapshots.invalidate(subject);
            assertThat(decisionBody(subject, purpose)).isEqualTo(read);
        }
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
        ConsentApi.decision(subject, "community-membership").body("allowed", equalTo(false))
                .body("reason", equalTo("CONSENT_WITHDRAWN"));

        // a change drops the snapshot: the next answer reads it again and turns
        ConsentApi.refuse(subject, "newsletter");
        assertThat(snapshots.inMemory(subject)).isNull();
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false)).body("reason", equalTo("CONSENT_WITHDRAWN"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false)).body("reason", equalTo("CONSENT_WITHDRAWN"));
    }

    @Test
    void anUnknownPurposeIsNotFoundWhetherTheCatalogueIsInMemoryOrNot() {
        String subject = ConsentResourceTest.subject();
        catalog.invalidate();
        snapshots.invalidate(subject);
        unknownPurpose(subject);
        ConsentApi.decision(subject, "newsletter");
        assertThat(snapshots.inMemory(subject)).isNotNull();
        unknownPurpose(subject);
        snapshots.invalidate(subject);
        unknownPurpose(subject);
    }

    @Test
    void aRecognisedTokenKeepsTheRolesAndSubjectOfItsFullCheck() {
        String subject = ConsentResourceTest.subject();
        String other = ConsentResourceTest.subject();
        String own = TestTokens.dataSubject(subject);
        String auditor = TestTokens.auditor();
        double hits = hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(own).when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(200)
                    .body("reason", equalTo("NO_CONSENT"));
            given().auth().oauth2(own).when().get("/subjects/{s}/decisions/newsletter", other).then().statusCode(403)
                    .contentType(ConsentApi.PROBLEM);
            given().auth().oauth2(auditor).when().get("/subjects/{s}/decisions/newsletter", subject).then()
                    .statusCode(403).contentType(ConsentApi.PROBLEM);
        }
        assertThat(hits()).as("the second and third rounds were answered from the verified-token cache")
                .isGreaterThanOrEqualTo(hits + 4);
    }

    @Test
    void anExpiredOrAlteredTokenIsRefusedEvenThoughItWasRecognisedBefore() throws InterruptedException {
        String subject = ConsentResourceTest.subject();
        String expiring = Jwt.claims().subject("service-account-crm").issuer(TestTokens.ISSUER)
                .audience("https://service.example.com").claim("azp", "crm")
                .claim("realm_access", Map.of("roles", List.of("service"))).expiresIn(2).jws().keyId("1")
                .sign("privateKey.jwk");
        double hits = hits();
        given().auth().oauth2(expiring).when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(200);
        given().auth().oauth2(expiring).when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(200);
        assertThat(hits()).isGreaterThanOrEqualTo(hits + 1);

        String token = TestTokens.service();
        given().auth().oauth2(token).when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(200);
        given().auth().oauth2(token).when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(200);
        int last = token.length() - 2;
        String signatureChanged = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A')
                + token.substring(last + 1);
        given().auth().oauth2(signatureChanged).when().get("/subjects/{s}/decisions/newsletter", subject).then()
                .statusCode(401).contentType(ConsentApi.PROBLEM);
        int middle = token.indexOf('.') + 5;
        String claimsChanged = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);
        given().auth().oauth2(claimsChanged).when().get("/subjects/{s}/decisions/newsletter", subject).then()
                .statusCode(401).contentType(ConsentApi.PROBLEM);

        Thread.sleep(3_000);
        given().auth().oauth2(expiring).when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(401)
                .contentType(ConsentApi.PROBLEM);
    }

    private static String decisionBody(String subject, String purpose) {
        return ConsentApi.decision(subject, purpose).contentType("application/json").extract().asString();
    }

    private static void unknownPurpose(String subject) {
        given().auth().oauth2(TestTokens.service()).when().get("/subjects/{s}/decisions/{p}", subject, "no-such-purpose")
                .then().statusCode(404).contentType(ConsentApi.PROBLEM);
    }

    private double hits() {
        return registry.get("privacy.token.cache").tag("result", "hit").counter().count();
    }
}
