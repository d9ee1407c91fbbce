package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CatalogueResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void theDpoChangesTheCatalogueEveryStateIsAnEventAndTheNoticeFollows() throws Exception {
        ObjectNode original = catalogue();
        int noticeBefore = NoticeApi.currentVersion();
        ObjectNode changed = original.deepCopy();
        ArrayNode recipients = (ArrayNode) changed.get("recipients");
        ObjectNode added = recipients.addObject();
        added.put("id", "test-hosting");
        added.putObject("text").put("en", "<script>alert('en')</script> Hosting & co \"EU\"").put("fr",
                "<img src=x onerror=alert(1)> Hébergeur");
        ((ArrayNode) changed.get("purposes").get(0).get("recipients")).add("test-hosting");
        try {
            JsonNode answer = JSON.readTree(put(changed).statusCode(200).body("changed", equalTo(true)).extract().asString());
            int version = answer.get("version").asInt();
            CloudEvent event = events.await("catalogue",
                    e -> e.type().equals("CatalogueChanged") && e.data().path("catalogueVersion").asInt() == version);
            assertThat(event.data().path("catalogueHash").asText()).isEqualTo(answer.get("hash").asText()).hasSize(64);
            assertThat(event.data().path("actor").asText()).startsWith("dpo:");
            assertThat(event.subject()).isNull();

            // the notice shows it at once, as text, never as markup
            assertThat(NoticeApi.currentVersion()).isGreaterThan(noticeBefore);
            String html = NoticeApi.notice("text/html", "en").asString();
            assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;en&#39;)&lt;/script&gt; Hosting &amp; co &quot;EU&quot;");
            assertThat(NoticeApi.notice("text/html", "fr").asString()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
            assertThat(NoticeApi.notice(NoticeApi.MARKDOWN, "en").asString()).contains("\\<script\\>").doesNotContain("<script>");
            assertThat(NoticeApi.notice(NoticeApi.JSON_LD, "en").asString()).contains("test-hosting");

            // the same document again changes nothing
            int noticeNow = NoticeApi.currentVersion();
            put(changed).statusCode(200).body("changed", equalTo(false)).body("version", equalTo(version));
            assertThat(NoticeApi.currentVersion()).isEqualTo(noticeNow);
            // an earlier state stays readable
            given().auth().oauth2(TestTokens.auditor()).when().get("/catalogue/versions/{v}", version - 1).then()
                    .statusCode(200).body("version", equalTo(version - 1));
        } finally {
            put(original).statusCode(200);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !NoticeApi.notice("text/html", "en").asString().contains("Hosting &amp; co"));
    }

    @Test
    void aCatalogueThatNamesWhatDoesNotExistIs400NamingTheFieldAndChangesNothing() throws Exception {
        int before = currentCatalogueVersion();
        ObjectNode unknownPurpose = catalogue();
        ((ObjectNode) unknownPurpose.get("purposes").get(0)).put("purposeId", "no-such-purpose");
        put(unknownPurpose).statusCode(400).contentType(ConsentApi.PROBLEM).body("errors.field", hasItem("purposes[0].purposeId"));

        ObjectNode unknownRecipient = catalogue();
        ((ArrayNode) unknownRecipient.get("purposes").get(1).get("recipients")).add("nobody");
        put(unknownRecipient).statusCode(400).body("errors.field", hasItem("purposes[1].recipients[" +
                (unknownRecipient.get("purposes").get(1).get("recipients").size() - 1) + "]"));

        ObjectNode unknownRule = catalogue();
        ((ObjectNode) unknownRule.get("retention").get(0)).put("ruleId", "no-such-rule");
        put(unknownRule).statusCode(400).body("errors.field", hasItem("retention[0].ruleId"));

        ObjectNode duplicate = catalogue();
        ((ArrayNode) duplicate.get("recipients")).add(duplicate.get("recipients").get(0).deepCopy());
        put(duplicate).statusCode(400).body("errors.field", hasItem("recipients[" + (duplicate.get("recipients").size() - 1) + "]"));

        ObjectNode tooLong = catalogue();
        ((ObjectNode) tooLong.get("recipients").get(0).get("text")).put("en", "x".repeat(2001));
        put(tooLong).statusCode(400).contentType(ConsentApi.PROBLEM);

        ObjectNode blankFrench = catalogue();
        ((ObjectNode) blankFrench.get("dpo").get("name")).put("fr", " ");
        put(blankFrench).statusCode(400).contentType(ConsentApi.PROBLEM);

        ObjectNode badMail = catalogue();
        ((ObjectNode) badMail.get("dpo")).put("email", "not a mail");
        put(badMail).statusCode(400).contentType(ConsentApi.PROBLEM);

        ObjectNode tooMany = catalogue();
        ArrayNode many = (ArrayNode) tooMany.get("recipients");
        for (int i = 0; i < 60; i++) {
            many.addObject().put("id", "r" + i).putObject("text").put("en", "r").put("fr", "r");
        }
        put(tooMany).statusCode(400).contentType(ConsentApi.PROBLEM);

        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body("{\"controller\":\"" + "x".repeat(80_000) + "\"}")
                .when().put("/catalogue").then().statusCode(413).contentType(ConsentApi.PROBLEM);

        assertThat(currentCatalogueVersion()).isEqualTo(before);
    }

    @Test
    void onlyTheDpoChangesTheCatalogueAndTheDpoOrAnAuditorReadsIt() throws Exception {
        String body = catalogue().toString();
        given().contentType(ContentType.JSON).body(body).when().put("/catalogue").then().statusCode(401)
                .contentType(ConsentApi.PROBLEM);
        for (String token : new String[] { TestTokens.dataSubject("alice"), TestTokens.service(), TestTokens.auditor() }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/catalogue").then()
                    .statusCode(403).contentType(ConsentApi.PROBLEM);
        }
        given().when().get("/catalogue").then().statusCode(401);
        for (String token : new String[] { TestTokens.dataSubject("alice"), TestTokens.service() }) {
            given().auth().oauth2(token).when().get("/catalogue").then().statusCode(403);
            given().auth().oauth2(token).when().get("/catalogue/versions/1").then().statusCode(403);
        }
        // the notice itself is public
        given().accept("text/html").when().get("/notice").then().statusCode(200);
    }

    private static int currentCatalogueVersion() {
        return given().auth().oauth2(TestTokens.dpo()).when().get("/catalogue").then().statusCode(200).extract().path("version");
    }

    private static ObjectNode catalogue() throws Exception {
        String answer = given().auth().oauth2(TestTokens.dpo()).when().get("/catalogue").then().statusCode(200).extract()
                .asString();
        return (ObjectNode) JSON.readTree(answer).get("catalogue");
    }

    private static ValidatableResponse put(JsonNode catalogue) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(catalogue.toString()).when()
                .put("/catalogue").then();
    }
}
