package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * The access export against stand-ins of the other services (PlatformServicesStub): the Art. 15(1) information it
 * carries, and its copies (Art. 15(3)): the first free, a later one only once the caller agreed to its fee, a download
 * retried within the window the same copy.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PlatformServicesStub.class)
class AccessExportTest {

    private static final Instant T0 = Instant.parse("2027-03-01T10:00:00Z");

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theExportTellsTheArticle15Facts() {
        clock.set(T0);
        String subject = RightsApi.subject();
        String access = verifiedAccess(subject);

        export(subject, access, null).statusCode(200)
                .body("format", equalTo("privacy-platform-export/1"))
                .body("subjectId", equalTo(subject))
                .body("generatedAt", equalTo("2027-03-01T10:00:00Z"))
                .body("copy", equalTo(1)).body("fee", nullValue())
                // (a), (b), (c), (g): per purpose, from the consent service's notice as it serves it
                .body("information.notice.'dpv:hasProcess'[0].'dct:identifier'", equalTo("training-delivery"))
                .body("information.notice.'dpv:hasProcess'[0].'dpv:hasPersonalData'[0].'skos:prefLabel'", equalTo("Identity"))
                .body("information.notice.'dpv:hasProcess'[0].'dpv:hasRecipient'[0].'skos:prefLabel'",
                        equalTo("LMS hosting provider"))
                .body("information.notice.'dpv:hasProcess'[0].'dpv:hasDataSource'[0].'skos:prefLabel'", equalTo("Your employer"))
                // (e) the rights, (d) the retention rules in force, (f) where to complain
                .body("information.notice.'dpv:hasRight'[0].'skos:prefLabel'", equalTo("Right of access"))
                .body("information.retentionPolicies[0].id", equalTo("training-delivery"))
                .body("information.retentionPolicies[0].period", equalTo("P5Y"))
                .body("information.complaint.authority", containsString("CNIL"))
                .body("information.complaint.url", equalTo("https://www.cnil.fr/en/contact-cnil"))
                .body("information.basis", containsString("Art. 15(1)"))
                // the data itself, as before
                .body("consents[0].purposeId", equalTo("newsletter"))
                .body("holdings[0].keptUntil", equalTo("2032-06-30"))
                .body("requests[0].id", equalTo(access));
    }

    @Test
    void aLaterCopyIsProducedOnlyOnceTheFeeIsAgreedAndARetryIsTheSameCopy() {
        clock.set(T0);
        String subject = RightsApi.subject();
        String access = verifiedAccess(subject);

        export(subject, access, null).statusCode(200).body("copy", equalTo(1));
        // the download retried five minutes later: the same copy, free, not counted
        clock.set(T0.plus(Duration.ofMinutes(5)));
        export(subject, access, null).statusCode(200).body("copy", equalTo(1)).body("fee", nullValue());
        RightsApi.get(access).body("exportCopies", equalTo(1));

        // past the window, a second copy: the subject is told its fee first, and nothing is counted
        clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(1));
        JsonPath told = export(subject, access, null).statusCode(402).contentType(RightsApi.PROBLEM)
                .body("status", equalTo(402)).body("fee.copy", equalTo(2)).body("fee.currency", equalTo("EUR"))
                .body("detail", containsString("10.00 EUR")).body("instance", equalTo("/requests/" + access + "/export"))
                .extract().jsonPath();
        assertThat(told.getDouble("fee.amount")).isEqualTo(10.0);
        export(subject, access, "false").statusCode(402);
        RightsApi.get(access).body("exportCopies", equalTo(1))
                .body("history.findAll { it.action.startsWith('EXPORT') }.action",
                        equalTo(List.of("EXPORTED copy 1", "EXPORT RETRIED copy 1")));

        // agreed: the second copy, with its fee
        Instant second = T0.plus(Duration.ofMinutes(12));
        clock.set(second);
        JsonPath paid = export(subject, access, "true").statusCode(200).body("copy", equalTo(2))
                .body("fee.currency", equalTo("EUR")).body("fee.agreed", equalTo(true))
                .body("generatedAt", equalTo("2027-03-01T10:12:00Z")).extract().jsonPath();
        assertThat(paid.getDouble("fee.amount")).isEqualTo(10.0);

        // retried within the window, without agreeing again: the same (already paid) copy
        clock.set(second.plus(Duration.ofMinutes(10)));
        export(subject, access, null).statusCode(200).body("copy", equalTo(2));
        // another caller (the DPO) is not retrying the subject's download: a third copy, told first
        given().auth().oauth2(TestTokens.dpo()).when().get("/requests/{id}/export", access).then().statusCode(402)
                .body("fee.copy", equalTo(3));
        RightsApi.get(access).body("exportCopies", equalTo(2))
                .body("history.findAll { it.action.startsWith('EXPORT') }.action", equalTo(List.of("EXPORTED copy 1",
                        "EXPORT RETRIED copy 1", "EXPORTED copy 2", "EXPORT RETRIED copy 2")))
                .body("history.find { it.action == 'EXPORTED copy 2' }.at", equalTo("2027-03-01T10:12:00Z"))
                .body("history.find { it.action == 'EXPORTED copy 2' }.note", equalTo("fee agreed: 10.00 EUR"))
                .body("history.find { it.action == 'EXPORTED copy 2' }.actor", equalTo(subject));
    }

    @Test
    void noOneElseReadsTheExportAndAServiceThatDoesNotAnswerCostsNothing() throws Exception {
        String subject = RightsApi.subject();
        String access = verifiedAccess(subject);

        given().when().get("/requests/{id}/export", access).then().statusCode(401);
        given().auth().oauth2(TestTokens.service()).when().get("/requests/{id}/export", access).then().statusCode(403);
        given().auth().oauth2(TestTokens.dataSubject(RightsApi.subject())).when().get("/requests/{id}/export", access)
                .then().statusCode(404).contentType(RightsApi.PROBLEM);

        // the consent service's notice does not answer: 502, no copy counted
        String failing = admin("POST", "/__admin/mappings", """
                {"priority": 1, "request": {"method": "GET", "urlPath": "/notice"}, "response": {"status": 503}}""");
        String mapping = new com.fasterxml.jackson.databind.ObjectMapper().readTree(failing).path("id").asText();
        try {
            export(subject, access, null).statusCode(502).contentType(RightsApi.PROBLEM)
                    .body("detail", containsString("consent-service"));
        } finally {
            admin("DELETE", "/__admin/mappings/" + mapping, null);
        }
        RightsApi.get(access).body("exportCopies", equalTo(0));
        export(subject, access, null).statusCode(200).body("copy", equalTo(1));
    }

    private static String verifiedAccess(String subject) {
        String access = RightsApi.fileOwn(subject, "ACCESS", null);
        RightsApi.dpo(access, "verify-identity", null).statusCode(200);
        return access;
    }

    private static ValidatableResponse export(String subject, String access, String acceptFee) {
        var request = given().auth().oauth2(TestTokens.dataSubject(subject));
        if (acceptFee != null) {
            request = request.queryParams(Map.of("acceptFee", acceptFee));
        }
        return request.when().get("/requests/{id}/export", access).then();
    }

    private String admin(String method, String path, String body) throws Exception {
        // read when needed: only this class's application has the stub (a @ConfigProperty would be required by every test's)
        String stub = ConfigProvider.getConfig().getValue("test-stub.platform-services.url", String.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub + path));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
