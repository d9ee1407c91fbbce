package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.privacyplatform.consent.ConsentApi.PROBLEM;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.commons.testing.SubjectTraces;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.consent.service.DeviceReferences;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The consent banner: a visitor's choices per device, before login, with GPC, bounds and limits. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DeviceConsentTest {

    private static EventProbe events;

    @Inject
    DeviceReferences references;

    @Inject
    EntityManager entityManager;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aVisitorsChoiceIsRecordedLikeASubjectsUnderAPseudonymOfTheDevice() {
        String device = DeviceApi.newDevice();
        String ref = references.of(device);
        assertThat(ref).startsWith("device:").doesNotContain(device).doesNotContain(DeviceApi.hex(device));

        DeviceApi.put(device, "cookies-consent", true).statusCode(200).body("status", equalTo("GRANTED"))
                .body("changed", equalTo(true)).body("source", equalTo("web")).body("expiresAt", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("subjectId")));
        CloudEvent granted = events.await(ref, "ConsentGranted");
        assertThat(granted.subject()).isEqualTo(ref);
        assertThat(granted.data().path("subjectId").asText()).isEqualTo(ref);
        assertThat(granted.data().path("purposeId").asText()).isEqualTo("cookies-consent");
        assertThat(granted.data().path("source").asText()).isEqualTo("web");
        assertThat(granted.data().path("actorType").asText()).isEqualTo("SUBJECT");
        assertThat(granted.data().path("actorSystem").isNull()).isTrue();

        // the same device spelled in hex is the same device; the banner shows only what is asked before login
        DeviceApi.get(DeviceApi.hex(device)).statusCode(200)
                .body("find { it.purposeId == 'cookies-consent' }.status", equalTo("GRANTED"))
                .body("purposeId", not(hasItem("newsletter"))).body("purposeId", not(hasItem("training-access")));
        // the same choice again changes nothing
        DeviceApi.put(DeviceApi.hex(device), "cookies-consent", true).statusCode(200).body("changed", equalTo(false));

        DeviceApi.put(device, "cookies-consent", false).statusCode(200).body("status", equalTo("WITHDRAWN"));
        CloudEvent withdrawn = events.await(ref, "ConsentWithdrawn");
        assertThat(withdrawn.data().path("reason").asText()).isEqualTo("WITHDRAWN");
        assertThat(events.eventsFor(ref)).extracting(CloudEvent::type).containsExactly("ConsentGranted", "ConsentWithdrawn");

        // the same history as a subject's, the visitor as the actor under the device's reference
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", ref).then().statusCode(200)
                .body("", hasSize(2)).body("status", equalTo(List.of("GRANTED", "WITHDRAWN")))
                .body("source", equalTo(List.of("web", "web"))).body("actorType", equalTo(List.of("SUBJECT", "SUBJECT")))
                .body("actor", equalTo(List.of(ref, ref)));
        // the device id itself is written nowhere, in neither spelling
        assertThat(SubjectTraces.columnsHolding(entityManager, device, Set.of("flyway_schema_history"))).isEmpty();
        assertThat(SubjectTraces.columnsHolding(entityManager, DeviceApi.hex(device), Set.of("flyway_schema_history")))
                .isEmpty();
    }

    @Test
    void onlyPurposesDecidedBeforeLoginTakeADevicesChoice() {
        String device = DeviceApi.newDevice();
        DeviceApi.put(device, "newsletter", true).statusCode(409).contentType(PROBLEM);
        DeviceApi.put(device, "community-membership", true).statusCode(409).contentType(PROBLEM);
        DeviceApi.put(device, "training-access", true).statusCode(409).contentType(PROBLEM);
        DeviceApi.put(device, "personalised-marketing", false).statusCode(409).contentType(PROBLEM);
        DeviceApi.put(device, "no-such-purpose", true).statusCode(404).contentType(PROBLEM);
        DeviceApi.get(device).statusCode(200).body("status", org.hamcrest.Matchers.everyItem(equalTo("NONE")));
        assertThat(history(references.of(device))).isEmpty();
    }

    @Test
    void aDeviceIdThatIsNotARandom128BitValueIs400() {
        for (String bad : new String[] { "abc", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA+A", "AAAAAAAAAAAAAAAAAAAA=",
                // the 22nd character would carry bits beyond the 128
                "AAAAAAAAAAAAAAAAAAAAAB", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
                "0123456789abcdef0123456789abcdeg", "AAAAAAAAAAAAAAAAAAAA%00", "AAAAAAAAAAAAAAAAAAAA%C3%A9",
                "%27%20or%201%3D1--AAAAAA", "A".repeat(300) }) {
            given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(DeviceApi.body(true)).when()
                    .put("/devices/" + bad + "/consents/cookies-consent").then().statusCode(400).contentType(PROBLEM);
            given().urlEncodingEnabled(false).when().get("/devices/" + bad + "/consents").then().statusCode(400)
                    .contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON).body(DeviceApi.body(true)).when()
                .put("/devices/{d}/consents/cookies-consent", "AAAAAAAAAAAAAAAAAAAAAB").then().statusCode(400)
                .body("errors.field", hasItem("deviceId"));
        // a path that tries to leave /devices reaches no device
        String subject = ConsentResourceTest.subject();
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(DeviceApi.body(true)).when()
                .put("/devices/..%2Fsubjects%2F" + subject + "/consents/cookies-consent").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 404)).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject).then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void aHostileBodyIs400Or413AndChangesNothing() {
        String device = DeviceApi.newDevice();
        String path = "/devices/{d}/consents/{p}";
        for (String[] bad : new String[][] {
                { "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\"}", "source" },
                { "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"import\"}", "source" },
                { "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"gpc\"}", "source" },
                { "{\"noticeVersion\":\"1.0\",\"source\":\"web\"}", "granted" },
                { "{\"granted\":true,\"noticeVersion\":\"9.9\",\"source\":\"web\"}", "noticeVersion" },
                { "{\"granted\":true,\"noticeVersion\":\"<script>\",\"source\":\"web\"}", "noticeVersion" },
                { "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"gpc\":\"yes\"}", "gpc" },
                { "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"privacyNoticeVersion\":0}",
                        "privacyNoticeVersion" } }) {
            given().contentType(ContentType.JSON).body(bad[0]).when().put(path, device, "cookies-consent").then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(bad[1]));
        }
        given().contentType(ContentType.JSON).body("{\"granted\":true,").when().put(path, device, "cookies-consent").then()
                .statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"x\":\""
                + "a".repeat(80 * 1024) + "\"}").when().put(path, device, "cookies-consent").then().statusCode(413)
                .contentType(PROBLEM);
        DeviceApi.get(device).statusCode(200).body("find { it.purposeId == 'cookies-consent' }.status", equalTo("NONE"));
        assertThat(history(references.of(device))).isEmpty();
    }

    @Test
    void globalPrivacyControlRefusesTheFirstMarketingGrantButNotALaterExplicitOne() {
        String ads = DeviceApi.newMarketingCookiesPurpose();

        // the banner's "accept all" under GPC: marketing is refused, and nothing was ever in force, so no event
        String device = DeviceApi.newDevice();
        String ref = references.of(device);
        DeviceApi.putWithGpc(device, ads, true).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("source", equalTo("gpc")).body("changed", equalTo(true));
        DeviceApi.putWithGpc(device, "cookies-consent", true).statusCode(200).body("status", equalTo("GRANTED"))
                .body("source", equalTo("web"));
        events.await(ref, e -> e.type().equals("ConsentGranted") && e.data().path("purposeId").asText().equals("cookies-consent"));
        assertThat(events.eventsFor(ref)).noneMatch(e -> e.data().path("purposeId").asText().equals(ads));
        DeviceApi.get(device).statusCode(200).body("find { it.purposeId == '" + ads + "' }.status", equalTo("WITHDRAWN"))
                .body("find { it.purposeId == '" + ads + "' }.source", equalTo("gpc"))
                .body("find { it.purposeId == '" + ads + "' }.directMarketing", equalTo(true));

        // the visitor then turns marketing on themselves: an explicit choice, recorded as sent
        DeviceApi.putWithGpc(device, ads, true).statusCode(200).body("status", equalTo("GRANTED")).body("source", equalTo("web"));
        CloudEvent granted = events.await(ref, e -> e.type().equals("ConsentGranted") && e.data().path("purposeId").asText().equals(ads));
        assertThat(granted.data().path("source").asText()).isEqualTo("web");
        List<String> sources = given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", ref)
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.purposeId == '" + ads + "' }.source");
        assertThat(sources).containsExactly("gpc", "web");

        // the banner script may say it in the body (navigator.globalPrivacyControl) instead of the header
        String other = DeviceApi.newDevice();
        DeviceApi.send(given(), other, ads, "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"gpc\":true}")
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("source", equalTo("gpc"));
        // the banner's own opt-out under the signal, on a consent cookie that is no direct marketing: a refusal that
        // says why; the visitor's later explicit grant is theirs
        String optedOut = DeviceApi.newDevice();
        DeviceApi.putWithGpc(optedOut, "cookies-consent", false).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("source", equalTo("gpc"));
        DeviceApi.putWithGpc(optedOut, "cookies-consent", true).statusCode(200).body("status", equalTo("GRANTED"))
                .body("source", equalTo("web"));
        // without the signal a grant is a grant; a header other than 1 is no signal
        DeviceApi.put(DeviceApi.newDevice(), ads, true).statusCode(200).body("status", equalTo("GRANTED"));
        DeviceApi.send(given().header("Sec-GPC", "0"), DeviceApi.newDevice(), ads, DeviceApi.body(true)).statusCode(200)
                .body("status", equalTo("GRANTED"));
    }

    @Test
    void eachDeviceAndEachClientAddressIsLimitedWith429AndRetryAfter() {
        // a day ahead: every bucket starts full; test profile: 8 per device, 100 per client address, per minute
        clock.set(Instant.now().plus(Duration.ofDays(1)));
        String device = DeviceApi.newDevice();
        for (int i = 0; i < 8; i++) {
            DeviceApi.get(device).statusCode(200);
        }
        Response limited = given().when().get("/devices/{d}/consents", device);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith(PROBLEM);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.jsonPath().getString("detail")).contains("this device").doesNotContain(device);
        // a limited write writes nothing
        DeviceApi.put(device, "cookies-consent", true).statusCode(429).header("Retry-After", notNullValue());
        assertThat(history(references.of(device))).isEmpty();

        int accepted = 0;
        Response answer = null;
        for (int i = 0; i < 200; i++) {
            answer = given().when().get("/devices/{d}/consents", DeviceApi.newDevice());
            if (answer.statusCode() != 200) {
                break;
            }
            accepted++;
        }
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(accepted).isLessThan(100);
        assertThat(answer.jsonPath().getString("detail")).contains("client address");
        assertThat(answer.header("Retry-After")).isNotNull();

        // a window later both are answered again
        clock.advance(Duration.ofMinutes(1));
        DeviceApi.get(device).statusCode(200);
        DeviceApi.put(device, "cookies-consent", true).statusCode(200).body("status", equalTo("GRANTED"));
    }

    private List<Object> history(String ref) {
        return given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", ref).then()
                .statusCode(200).extract().jsonPath().getList("");
    }
}
