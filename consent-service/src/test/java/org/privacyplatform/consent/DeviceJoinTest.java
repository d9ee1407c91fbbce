package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.privacyplatform.consent.ConsentApi.PROBLEM;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.consent.service.DeviceReferences;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;

/** A subject joins the choices made on a device before login; the decision API then follows. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DeviceJoinTest {

    private static EventProbe events;

    @Inject
    DeviceReferences references;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void eachDeviceChoiceNewerThanTheSubjectsOwnBecomesTheSubjectsConsent() {
        String ads = DeviceApi.newMarketingCookiesPurpose();
        String subject = ConsentResourceTest.subject();
        String device = DeviceApi.newDevice();
        String token = TestTokens.dataSubject(subject);
        // the subject granted advertising cookies once; later, before logging in on a new device, refused them
        ConsentApi.grant(subject, ads);
        events.await(subject, "ConsentGranted");
        DeviceApi.put(device, ads, false).statusCode(200);
        OffsetDateTime deviceExpiry = OffsetDateTime.parse(DeviceApi.put(device, "cookies-consent", true).statusCode(200)
                .extract().jsonPath().getString("expiresAt"));

        DeviceApi.join(token, subject, device).statusCode(200).body("subjectId", equalTo(subject))
                .body("adopted", hasSize(2))
                .body("adopted.find { it.purposeId == 'cookies-consent' }.status", equalTo("GRANTED"))
                .body("adopted.find { it.purposeId == '" + ads + "' }.status", equalTo("WITHDRAWN"));

        CloudEvent withdrawn = events.await(subject, e -> e.type().equals("ConsentWithdrawn"));
        assertThat(withdrawn.data().path("purposeId").asText()).isEqualTo(ads);
        assertThat(withdrawn.data().path("directMarketing").asBoolean()).isTrue();
        CloudEvent granted = events.await(subject,
                e -> e.type().equals("ConsentGranted") && e.data().path("purposeId").asText().equals("cookies-consent"));
        assertThat(granted.data().path("actorType").asText()).isEqualTo("SUBJECT");
        assertThat(granted.data().path("source").asText()).isEqualTo("web");
        // the grant lapses when the device's would have, not 13 months after the join
        assertThat(OffsetDateTime.parse(granted.data().path("expiresAt").asText()).toInstant())
                .isEqualTo(deviceExpiry.toInstant());

        ConsentApi.decision(subject, "cookies-consent").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
        ConsentApi.decision(subject, ads).body("allowed", equalTo(false)).body("reason", equalTo("CONSENT_WITHDRAWN"));
        given().auth().oauth2(token).when().get("/subjects/{s}/consents/history", subject).then().statusCode(200)
                .body("", hasSize(3)).body("status", equalTo(List.of("GRANTED", "WITHDRAWN", "GRANTED")))
                .body("actor", equalTo(List.of(subject, subject, subject)));

        // the subject's own later choice wins over what the device decided before it
        ConsentApi.refuse(subject, "cookies-consent");
        DeviceApi.join(token, subject, device).statusCode(200).body("adopted", hasSize(0));
        ConsentApi.decision(subject, "cookies-consent").body("allowed", equalTo(false));

        // what the device decides after the join is taken over on the next join
        DeviceApi.put(device, ads, true).statusCode(200);
        DeviceApi.join(token, subject, device).statusCode(200).body("adopted", hasSize(1))
                .body("adopted[0].purposeId", equalTo(ads)).body("adopted[0].status", equalTo("GRANTED"));
        ConsentApi.decision(subject, ads).body("allowed", equalTo(true));
    }

    @Test
    void aCallingSystemJoinsOnTheSubjectsBehalfAndIsTheActor() {
        String subject = ConsentResourceTest.subject();
        String device = DeviceApi.newDevice();
        DeviceApi.put(device, "cookies-consent", true).statusCode(200);

        DeviceApi.join(TestTokens.service(), subject, DeviceApi.hex(device)).statusCode(200).body("adopted", hasSize(1));

        given().auth().oauth2(TestTokens.service()).when().get("/subjects/{s}/consents/history", subject).then()
                .statusCode(200).body("actorType", equalTo(List.of("SERVICE"))).body("actor", equalTo(List.of("lms")));
        CloudEvent granted = events.await(subject, "ConsentGranted");
        assertThat(granted.data().path("actorSystem").asText()).isEqualTo("lms");
    }

    @Test
    void aDeviceAnotherSubjectJoinedIs409AndWritesNothing() {
        String first = ConsentResourceTest.subject();
        String second = ConsentResourceTest.subject();
        String device = DeviceApi.newDevice();
        DeviceApi.put(device, "cookies-consent", true).statusCode(200);
        DeviceApi.join(TestTokens.dataSubject(first), first, device).statusCode(200);

        DeviceApi.join(TestTokens.dataSubject(second), second, device).statusCode(409).contentType(PROBLEM);

        given().auth().oauth2(TestTokens.dataSubject(second)).when().get("/subjects/{s}/consents/history", second).then()
                .statusCode(200).body("", hasSize(0));
        ConsentApi.decision(second, "cookies-consent").body("allowed", equalTo(false));
    }

    @Test
    void joiningNeedsATokenOfTheSubjectThemselfOrOfAService() {
        String subject = ConsentResourceTest.subject();
        String other = ConsentResourceTest.subject();
        String device = DeviceApi.newDevice();
        DeviceApi.put(device, "cookies-consent", true).statusCode(200);

        DeviceApi.join(null, subject, device).statusCode(401).contentType(PROBLEM);
        // a subject cannot join a device to another subject
        DeviceApi.join(TestTokens.dataSubject(other), subject, device).statusCode(403).contentType(PROBLEM);
        DeviceApi.join(TestTokens.dpo(), subject, device).statusCode(403).contentType(PROBLEM);
        DeviceApi.join(TestTokens.auditor(), subject, device).statusCode(403).contentType(PROBLEM);
        DeviceApi.join(TestTokens.dataSubject(subject), subject, "not-a-device").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("deviceId"));
        // a device's reference is no subject
        DeviceApi.join(TestTokens.service(), references.of(DeviceApi.newDevice()), device).statusCode(400)
                .body("errors.field", hasItem("subjectId"));
        given().auth().oauth2(TestTokens.service()).contentType("application/json").body(DeviceApi.body(true)).when()
                .put("/subjects/{s}/consents/cookies-consent", references.of(device)).then().statusCode(400)
                .body("errors.field", hasItem("subjectId"));

        for (String s : new String[] { subject, other }) {
            given().auth().oauth2(TestTokens.dataSubject(s)).when().get("/subjects/{s}/consents/history", s).then()
                    .statusCode(200).body("", hasSize(0));
        }
        // none of those made the device anyone's
        DeviceApi.join(TestTokens.dataSubject(other), other, device).statusCode(200).body("adopted", hasSize(1));
    }

    @Test
    void erasureUnlinksTheDevice() {
        String subject = ConsentResourceTest.subject();
        String device = DeviceApi.newDevice();
        DeviceApi.put(device, "cookies-consent", true).statusCode(200);
        DeviceApi.join(TestTokens.dataSubject(subject), subject, device).statusCode(200);

        events.send(Topics.RIGHTS, "ErasureRequested", subject, "{\"requestId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\""
                + subject + "\",\"requestedAt\":\"2026-11-26T10:00:00Z\"}");

        CloudEvent completed = events.await(subject, "ErasureCompleted");
        assertThat(completed.data().path("erased").findValues("category").stream().map(c -> c.asText()).toList())
                .contains("device-link");
        assertThat(completed.data().path("erased").get(2).path("count").asLong()).isEqualTo(1);
        // the device keeps its own choice, and is no longer anyone's
        DeviceApi.get(device).statusCode(200).body("find { it.purposeId == 'cookies-consent' }.status", equalTo("GRANTED"));
        String next = ConsentResourceTest.subject();
        DeviceApi.join(TestTokens.dataSubject(next), next, device).statusCode(200);
    }
}
