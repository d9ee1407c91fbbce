package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

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

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PurposeResourceTest {

    private static EventProbe events;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void theReferencePolicysPurposesAreThereOutOfTheBox() {
        given().when().get("/purposes").then().statusCode(200)
                .body("id", hasItems("training-access", "level-needs-mapping", "learner-monitoring", "learner-engagement",
                        "community-membership", "cookies-consent", "newsletter", "accounting", "authority-requests",
                        "transaction-proof", "fraud-prevention", "personalised-marketing", "cookies-essential"))
                .body("find { it.id == 'training-access' }.legalBasis", equalTo("CONTRACT"))
                .body("find { it.id == 'newsletter' }.legalBasis", equalTo("CONSENT"))
                .body("find { it.id == 'cookies-consent' }.validity", equalTo("P13M"))
                .body("find { it.id == 'accounting' }.legalBasis", equalTo("LEGAL_OBLIGATION"))
                .body("find { it.id == 'fraud-prevention' }.legalBasis", equalTo("LEGITIMATE_INTEREST"))
                .body("find { it.id == 'personalised-marketing' }.directMarketing", equalTo(true))
                .body("find { it.id == 'newsletter' }.notices[0].version", equalTo("1.0"));
    }

    @Test
    void aDpoCreatesAPurposeAndPublishesNoticeVersions() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);

        publish(id, "1.0", "First notice.", false).statusCode(201)
                .body("id", equalTo(id)).body("currentNoticeVersion", equalTo("1.0")).body("notices", hasSize(1));
        CloudEvent published = events.await("purpose:" + id, "PurposePublished");
        assertThat(published.subject()).isNull();
        assertThat(published.data().path("noticeVersion").asText()).isEqualTo("1.0");

        // the same publication again changes nothing
        publish(id, "1.0", "First notice.", false).statusCode(200);
        publish(id, "2.0", "Second notice.", true).statusCode(200)
                .body("currentNoticeVersion", equalTo("2.0")).body("notices.version", equalTo(java.util.List.of("1.0", "2.0")))
                .body("notices[1].requiresFreshConsent", equalTo(true));
        events.await("purpose:" + id, e -> e.data().path("noticeVersion").asText().equals("2.0"));
        assertThat(events.count("purpose:" + id, "PurposePublished")).isEqualTo(2);

        given().when().get("/purposes/" + id).then().statusCode(200).body("notices", hasSize(2));
    }

    @Test
    void aPublishedNoticeIsNeverEdited() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        publish(id, "1.0", "Original text.", false).statusCode(201);

        publish(id, "1.0", "Quietly changed text.", false).statusCode(409).contentType(ConsentApi.PROBLEM);

        given().when().get("/purposes/" + id).then().body("notices[0].text", equalTo("Original text."));
    }

    @Test
    void onlyTheDpoManagesPurposes() {
        String body = body("1.0", "Text.", false, "CONSENT", null);
        given().contentType(ContentType.JSON).body(body).when().put("/purposes/nobody-s")
                .then().statusCode(401).contentType(ConsentApi.PROBLEM);
        for (String token : new String[] { TestTokens.dataSubject("alice"), TestTokens.service(), TestTokens.auditor() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/purposes/nobody-s")
                    .then().statusCode(403).contentType(ConsentApi.PROBLEM);
        }
        given().when().get("/purposes/nobody-s").then().statusCode(404).contentType(ConsentApi.PROBLEM);
    }

    @Test
    void badPurposesAre400NamingTheFieldAndWriteNothing() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        dpoPut(id, body("1.0", "Text.", false, "CONTRACT", "P13M")).statusCode(400).body("errors.field", hasItem("validity"));
        dpoPut(id, body("1.0", "Text.", false, "CONSENT", "thirteen months")).statusCode(400)
                .body("errors.field", hasItem("validity"));
        dpoPut(id, body("1.0", "Text.", false, "SOMETIMES", null)).statusCode(400).body("errors.field", hasItem("legalBasis"));
        dpoPut(id, "{\"description\":\"d\",\"legalBasis\":\"CONSENT\",\"notice\":{\"version\":\"1\",\"text\":\"t\"}}")
                .statusCode(400).body("errors.field", hasItem("name"));
        dpoPut(id, body("1 0", "Text.", false, "CONSENT", null)).statusCode(400).body("errors.field", hasItem("notice.version"));
        dpoPut("Bad_Id", body("1.0", "Text.", false, "CONSENT", null)).statusCode(400).body("errors.field", hasItem("purposeId"));

        given().when().get("/purposes/" + id).then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse publish(String id, String version, String text, boolean fresh) {
        return dpoPut(id, body(version, text, fresh, "CONSENT", null));
    }

    private static io.restassured.response.ValidatableResponse dpoPut(String id, String body) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body)
                .when().put("/purposes/" + id).then();
    }

    private static String body(String version, String text, boolean fresh, String basis, String validity) {
        return "{\"name\":\"Test purpose\",\"description\":\"A purpose of the tests.\",\"legalBasis\":\"" + basis + "\","
                + (validity == null ? "" : "\"validity\":\"" + validity + "\",")
                + "\"notice\":{\"version\":\"" + version + "\",\"text\":\"" + text + "\",\"requiresFreshConsent\":" + fresh + "}}";
    }
}
