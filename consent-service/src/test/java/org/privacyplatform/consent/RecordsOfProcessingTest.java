package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** Done when (issue 16): the Art. 30(1) record has every field for every purpose; a test lists the empty ones: none. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RecordsOfProcessingTest {

    /** Art. 30(1) (a) to (g), as the record names them. */
    static final List<String> ART_30_FIELDS = List.of("purpose", "legalBasis", "controller", "jointControllers",
            "representative", "dataProtectionOfficer", "dataSubjectCategories", "personalDataCategories",
            "recipientCategories", "transfersOutsideEu", "erasureTimeLimits", "securityMeasures");

    @Test
    void everyCataloguedPurposeHasEveryArticle30Field() {
        List<String> catalogued = given().auth().oauth2(TestTokens.auditor()).when().get("/catalogue").then().statusCode(200)
                .extract().jsonPath().getList("catalogue.purposes.purposeId");
        assertThat(catalogued).contains("training-access", "level-needs-mapping", "learner-monitoring", "learner-engagement",
                "community-membership", "cookies-consent", "newsletter", "accounting", "authority-requests",
                "transaction-proof", "fraud-prevention", "personalised-marketing", "cookies-essential");
        for (String lang : List.of("en", "fr")) {
            List<Map<String, Object>> entries = given().auth().oauth2(TestTokens.dpo()).accept(ContentType.JSON)
                    .queryParam("lang", lang).when().get("/records-of-processing").then().statusCode(200).extract().jsonPath()
                    .getList("entries");
            List<String> empty = new ArrayList<>();
            for (String purposeId : catalogued) {
                Map<String, Object> entry = entries.stream().filter(e -> purposeId.equals(e.get("purposeId"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no record entry for " + purposeId));
                for (String field : ART_30_FIELDS) {
                    Object value = entry.get(field);
                    if (value == null || value.toString().isBlank() || (value instanceof List<?> list && list.isEmpty())) {
                        empty.add(purposeId + "." + field + " (" + lang + ")");
                    }
                }
                assertThat((List<?>) entry.get("missing")).as(purposeId).isEmpty();
            }
            assertThat(empty).as("empty Art. 30(1) fields").isEmpty();
        }
    }

    @Test
    void aPurposeTheCatalogueDoesNotDescribeYetNamesItsGaps() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"name\":\"Uncatalogued\",\"description\":\"A purpose of the tests.\",\"legalBasis\":\"CONSENT\","
                        + "\"notice\":{\"version\":\"1.0\",\"text\":\"Text.\"}}")
                .when().put("/purposes/" + id).then().statusCode(201);
        List<String> missing = given().auth().oauth2(TestTokens.dpo()).accept(ContentType.JSON).when()
                .get("/records-of-processing").then().statusCode(200).extract().jsonPath()
                .getList("entries.find { it.purposeId == '" + id + "' }.missing");
        assertThat(missing).contains("dataSubjectCategories", "personalDataCategories", "recipientCategories",
                "transfersOutsideEu", "erasureTimeLimits", "securityMeasures");
    }

    @Test
    void theRecordIsAlsoCsvAndAccessibleHtml() {
        String csv = given().auth().oauth2(TestTokens.auditor()).accept("text/csv").when().get("/records-of-processing")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String header = csv.substring(0, csv.indexOf("\r\n"));
        for (String field : ART_30_FIELDS) {
            assertThat(header).contains("\"" + field + "\"");
        }
        assertThat(csv).contains("\"training-access\"", "\"personalised-marketing\"");

        String html = given().auth().oauth2(TestTokens.dpo()).accept("text/html").header("Accept-Language", "fr").when()
                .get("/records-of-processing").then().statusCode(200).extract().asString();
        assertThat(html).contains("<html lang=\"fr\">", "<h1>", "<th scope=\"row\">", "<th scope=\"col\">", "<caption>",
                "Registre des activités de traitement");
    }

    @Test
    void onlyTheDpoAndAuditorsReadTheRecord() {
        given().accept(ContentType.JSON).when().get("/records-of-processing").then().statusCode(401)
                .contentType(ConsentApi.PROBLEM);
        for (String token : new String[] { TestTokens.dataSubject("alice"), TestTokens.service() }) {
            for (String accept : new String[] { "application/json", "text/csv", "text/html" }) {
                given().auth().oauth2(token).accept(accept).when().get("/records-of-processing").then().statusCode(403);
            }
        }
        given().auth().oauth2(TestTokens.auditor()).accept(ContentType.JSON).when().get("/records-of-processing").then()
                .statusCode(200);
    }
}
