package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Done when (issue 16): a changed retention period makes a new notice version, with its diff from the previous one,
 * and a NoticePublished event (which the audit service appends from consent.events) carrying the hash of the
 * published text.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class NoticeVersionTest {

    private static EventProbe consentEvents;

    @BeforeAll
    static void watch() {
        consentEvents = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        consentEvents.close();
    }

    @Test
    void aChangedRetentionPeriodPublishesANewNoticeVersionWithItsDiffAndItsHashInNoticePublished() {
        int before = NoticeApi.currentVersion();
        // rule versions only grow: this run's are above every earlier run's
        int ruleVersion = (int) (Instant.now().getEpochSecond() - 1_700_000_000L) * 2;
        int years = 4 + (int) (Math.random() * 40);
        try {
            // the retention service announces the DPO's change of rule "prospect" (3 years from the last contact)
            changeRule("prospect", ruleVersion, "P" + years + "Y");
            await().atMost(Duration.ofSeconds(30)).until(() -> NoticeApi.currentVersion() > before);
            int version = NoticeApi.currentVersion();
            String markdownEn = versionText(version, "en");
            String markdownFr = versionText(version, "fr");
            assertThat(markdownEn).contains(years + " years from the last incoming contact");
            assertThat(markdownFr).contains(years + " ans à compter du dernier contact entrant");

            JsonPath published = given().accept("application/json").when().get("/notice/versions/{v}", version).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(published.getInt("previousVersion")).isEqualTo(version - 1);
            List<Map<String, String>> changes = published.getList("changes");
            Map<String, String> change = changes.stream().filter(c -> c.get("path").equals("retention[prospect].period"))
                    .findFirst().orElseThrow(() -> new AssertionError("no change of the rule's period in " + changes));
            assertThat(change.get("change")).isEqualTo("CHANGED");
            assertThat(change.get("after")).isEqualTo("P" + years + "Y");
            assertThat(change.get("before")).isNotBlank().isNotEqualTo(change.get("after"));
            // nothing but the rule changed
            assertThat(changes).allSatisfy(c -> assertThat(c.get("path")).startsWith("retention[prospect]."));

            CloudEvent event = consentEvents.await("notice",
                    e -> e.type().equals("NoticePublished") && e.data().path("noticeVersion").asInt() == version);
            assertThat(event.subject()).isNull();
            assertThat(event.data().path("textHashes").path("en").asText()).isEqualTo(NoticeApi.sha256(markdownEn))
                    .isEqualTo(published.getString("textHashes.en"));
            assertThat(event.data().path("textHashes").path("fr").asText()).isEqualTo(NoticeApi.sha256(markdownFr));
            assertThat(event.data().path("contentHash").asText()).isEqualTo(published.getString("contentHash"));

            // the version's HTML page says what changed
            String html = given().accept("text/html").queryParam("lang", "en").when().get("/notice/versions/{v}", version)
                    .then().statusCode(200).extract().asString();
            assertThat(html).contains("Changes since version " + (version - 1), "retention[prospect].period");
            // an earlier version is still served as it was published
            assertThat(versionText(version - 1, "en")).doesNotContain(years + " years from the last incoming contact");
        } finally {
            changeRule("prospect", ruleVersion + 1, "P3Y");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().accept(NoticeApi.MARKDOWN).when().get("/notice").asString()
                .contains("3 years from the last incoming contact") && !given().accept(NoticeApi.MARKDOWN).when()
                        .get("/notice").asString().contains(years + " years from the last incoming contact"));
    }

    @Test
    void anOlderRuleVersionThanTheOneHeldChangesNothing() {
        int before = NoticeApi.currentVersion();
        int ruleVersion = (int) (Instant.now().getEpochSecond() - 1_700_000_000L) * 2;
        try {
            changeRule("call-analysis", 1, "P9Y"); // version 1 is older than the one held (seeded or later)
            // the next one on the same key is applied after it: once the notice shows it, the first was handled
            changeRule("call-analysis", ruleVersion, "P2Y");
            await().atMost(Duration.ofSeconds(30)).until(() -> given().accept(NoticeApi.MARKDOWN).when().get("/notice")
                    .asString().contains("2 years from collection"));
            for (int v = before; v <= NoticeApi.currentVersion(); v++) {
                assertThat(versionText(v, "en")).as("notice version " + v).doesNotContain("9 years from collection");
            }
        } finally {
            changeRule("call-analysis", ruleVersion + 1, "P1Y");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().accept(NoticeApi.MARKDOWN).when().get("/notice")
                .asString().contains("1 year from collection"));
    }

    @Test
    void aConsentRecordsTheWholeNoticeVersionShownBesideThePurposesNoticeVersion() {
        int version = NoticeApi.currentVersion();
        String subject = "notice-" + java.util.UUID.randomUUID();
        String token = org.privacyplatform.commons.testing.TestTokens.dataSubject(subject);
        decide(token, subject, version).statusCode(200);
        given().auth().oauth2(token).when().get("/subjects/{s}/consents/history", subject).then().statusCode(200)
                .body("[0].noticeVersion", org.hamcrest.Matchers.equalTo("1.0"))
                .body("[0].privacyNoticeVersion", org.hamcrest.Matchers.equalTo(version));
        // and the audit log's copy of the grant says so too
        assertThat(consentEvents.await(subject, "ConsentGranted").data().path("privacyNoticeVersion").asInt()).isEqualTo(version);

        String other = "notice-" + java.util.UUID.randomUUID();
        String otherToken = org.privacyplatform.commons.testing.TestTokens.dataSubject(other);
        decide(otherToken, other, 999_999).statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.hasItem("privacyNoticeVersion"));
        decide(otherToken, other, 0).statusCode(400).contentType(ConsentApi.PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.hasItem("privacyNoticeVersion"));
        given().auth().oauth2(otherToken).when().get("/subjects/{s}/consents/history", other).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse decide(String token, String subject, int privacyNoticeVersion) {
        return given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"privacyNoticeVersion\":"
                        + privacyNoticeVersion + "}")
                .when().put("/subjects/{s}/consents/newsletter", subject).then();
    }

    @Test
    void versionsAreNamedByNumberAndAnUnknownOneIs404() {
        given().accept("application/json").when().get("/notice/versions/1").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1)).body("previousVersion", org.hamcrest.Matchers.nullValue());
        given().accept("application/json").when().get("/notice/versions/999999").then().statusCode(404)
                .contentType(ConsentApi.PROBLEM);
        given().accept("application/json").when().get("/notice/versions/0").then().statusCode(400)
                .contentType(ConsentApi.PROBLEM);
    }

    private static String versionText(int version, String lang) {
        return given().accept(NoticeApi.MARKDOWN).header("Accept-Language", lang).when().get("/notice/versions/{v}", version)
                .then().statusCode(200).extract().asString();
    }

    private static void changeRule(String ruleId, int version, String period) {
        String data = "{\"ruleId\":\"" + ruleId + "\",\"version\":" + version + ",\"category\":\"" + ruleId + "\","
                + "\"anchor\":\"" + (ruleId.startsWith("call") ? "COLLECTION" : "LAST_CONTACT") + "\",\"period\":\"" + period
                + "\",\"endAction\":\"DELETE\",\"archivePeriod\":null,\"consentPurpose\":null,\"statutory\":false,"
                + "\"changedAt\":\"" + CloudEvent.formatTime(OffsetDateTime.now()) + "\"}";
        var record = EventProbe.withHeader(EventProbe.record(Topics.RETENTION, java.util.UUID.randomUUID().toString(),
                "RetentionRuleChanged", "rule:" + ruleId, data), "ce_subject", null);
        consentEvents.sendAll(List.of(record));
    }
}
