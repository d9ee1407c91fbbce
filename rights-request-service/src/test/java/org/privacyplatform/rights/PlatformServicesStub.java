package org.privacyplatform.rights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The consent, retention and audit services and the token endpoint as the access export sees them, answering fixed
 * documents on a free port, so that the export's content, its Art. 15(1) information and its copies can be checked
 * without the other services. {@code test-stub.platform-services.url} names it, for tests that make one part fail (WireMock's
 * admin API).
 */
public class PlatformServicesStub implements QuarkusTestResourceLifecycleManager {

    static final String NOTICE = """
            {"@context": {"dpv": "https://w3id.org/dpv#", "dct": "http://purl.org/dc/terms/"},
             "@id": "urn:notice:3", "@type": "dpv:PrivacyNotice", "dct:hasVersion": "3",
             "dpv:hasRight": [{"@id": "eu-gdpr:A15", "skos:prefLabel": "Right of access"},
                              {"@id": "eu-gdpr:A77", "skos:prefLabel": "Right to lodge a complaint"}],
             "dpv:hasProcess": [{"@id": "urn:process:training-delivery", "@type": "dpv:Process",
               "dct:identifier": "training-delivery",
               "dpv:hasPurpose": {"@id": "urn:purpose:training-delivery", "skos:prefLabel": "Training delivery"},
               "dpv:hasPersonalData": [{"@id": "urn:category:identity", "skos:prefLabel": "Identity"}],
               "dpv:hasDataSource": [{"@id": "urn:source:employer", "skos:prefLabel": "Your employer"}],
               "dpv:hasRecipient": [{"@id": "urn:recipient:lms-host", "skos:prefLabel": "LMS hosting provider"}]}]}
            """;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlPathMatching(".*/token")).willReturn(json(
                "{\"access_token\": \"stub-token\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
        server.stubFor(get(urlPathMatching("/subjects/[^/]+/consents")).willReturn(json(
                "[{\"purposeId\": \"newsletter\", \"granted\": true, \"legalBasis\": \"CONSENT\"}]")));
        server.stubFor(get(urlPathMatching("/subjects/[^/]+/consents/history")).willReturn(json("[]")));
        server.stubFor(get(urlPathMatching("/subjects/[^/]+/schedule")).willReturn(json(
                "[{\"category\": \"learning-records\", \"system\": \"lms\", \"keptUntil\": \"2032-06-30\"}]")));
        server.stubFor(get(urlPathEqualTo("/notice")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/ld+json").withBody(NOTICE)));
        server.stubFor(get(urlPathEqualTo("/policies")).willReturn(json(
                "[{\"id\": \"training-delivery\", \"period\": \"P5Y\", \"anchor\": \"CONTRACT_END\"}]")));
        server.stubFor(get(urlPathEqualTo("/audit/events")).willReturn(json("{\"items\": []}")));
        String base = server.baseUrl();
        return Map.of("quarkus.rest-client.consent-service.url", base,
                "quarkus.rest-client.retention-service.url", base,
                "quarkus.rest-client.audit-service.url", base,
                "quarkus.oidc-client.auth-server-url", base + "/realms/privacy",
                "test-stub.platform-services.url", base);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
