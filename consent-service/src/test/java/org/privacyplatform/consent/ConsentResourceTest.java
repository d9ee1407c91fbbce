package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.privacyplatform.consent.ConsentApi.PROBLEM;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
class ConsentResourceTest {

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
    void grantingAndWithdrawingEmitOneEventPerChangeAsKeyedCloudEvents() {
        String subject = subject();

        ConsentApi.grant(subject, "newsletter").body("status", equalTo("GRANTED")).body("changed", equalTo(true))
                .body("noticeVersion", equalTo("1.0")).body("source", equalTo("web"));
        CloudEvent granted = events.await(subject, "ConsentGranted");
        assertThat(granted.subject()).isEqualTo(subject);
        assertThat(granted.source()).isEqualTo("/consent-service");
        assertThat(granted.data().path("purposeId").asText()).isEqualTo("newsletter");
        assertThat(granted.data().path("noticeVersion").asText()).isEqualTo("1.0");
        ConsumerRecord<String, String> record = events.recordsFor(subject).get(0);
        assertThat(record.key()).isEqualTo(subject);
        for (String header : new String[] { "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_specversion" }) {
            assertThat(record.headers().lastHeader(header)).as(header).isNotNull();
        }

        // the same decision again changes nothing and emits nothing
        ConsentApi.grant(subject, "newsletter").body("changed", equalTo(false));

        ConsentApi.refuse(subject, "newsletter").body("status", equalTo("WITHDRAWN")).body("changed", equalTo(true));
        CloudEvent withdrawn = events.await(subject, "ConsentWithdrawn");
        assertThat(withdrawn.data().path("reason").asText()).isEqualTo("WITHDRAWN");
        assertThat(events.count(subject, "ConsentGranted")).isEqualTo(1);
        assertThat(events.eventsFor(subject)).extracting(CloudEvent::type).containsExactly("ConsentGranted", "ConsentWithdrawn");
        assertThat(new String(events.recordsFor(subject).get(1).headers().lastHeader("ce_subject").value(),
                StandardCharsets.UTF_8)).isEqualTo(subject);
    }

    @Test
    void theHistoryKeepsEveryDecisionWithItsNoticeSourceAndTime() {
        String subject = subject();
        ConsentApi.grant(subject, "community-membership");
        ConsentApi.grant(subject, "community-membership");
        ConsentApi.refuse(subject, "community-membership");

        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(2))
                .body("status", equalTo(java.util.List.of("GRANTED", "WITHDRAWN")))
                .body("noticeVersion", equalTo(java.util.List.of("1.0", "1.0")))
                .body("source", equalTo(java.util.List.of("web", "web")))
                .body("[0].recordedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theCurrentStateCoversEveryPurpose() {
        String subject = subject();
        ConsentApi.grant(subject, "newsletter");
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents", subject)
                .then().statusCode(200)
                .body("find { it.purposeId == 'newsletter' }.status", equalTo("GRANTED"))
                .body("find { it.purposeId == 'cookies-consent' }.status", equalTo("NONE"))
                .body("find { it.purposeId == 'accounting' }.legalBasis", equalTo("LEGAL_OBLIGATION"));
    }

    @Test
    void anObjectionToALegitimateInterestIsRecordedAndEmitted() {
        String subject = subject();
        ConsentApi.refuse(subject, "personalised-marketing").body("status", equalTo("OBJECTED"));

        CloudEvent withdrawn = events.await(subject, "ConsentWithdrawn");
        assertThat(withdrawn.data().path("reason").asText()).isEqualTo("OBJECTION");
        assertThat(withdrawn.data().path("directMarketing").asBoolean()).isTrue();
        ConsentApi.decision(subject, "personalised-marketing").body("allowed", equalTo(false))
                .body("reason", equalTo("OBJECTED_DIRECT_MARKETING"));

        // taking the objection back restores processing and is itself an event
        ConsentApi.grant(subject, "personalised-marketing").body("changed", equalTo(true));
        events.await(subject, "ConsentGranted");
        ConsentApi.decision(subject, "personalised-marketing").body("allowed", equalTo(true));
    }

    @Test
    void contractAndLegalObligationPurposesTakeNoConsentDecision() {
        String subject = subject();
        ConsentApi.put(TestTokens.dataSubject(subject), subject, "training-access", false, "1.0")
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("CONTRACT"));
        ConsentApi.put(TestTokens.dataSubject(subject), subject, "accounting", true, "1.0").statusCode(409);
        history(subject).body("", hasSize(0));
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        String subject = subject();
        String token = TestTokens.dataSubject(subject);
        ConsentApi.put(token, subject, "newsletter", true, "9.9").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("noticeVersion"));
        send(token, subject, "{\"granted\":true,\"noticeVersion\":\"1.0\"}").statusCode(400).body("errors.field", hasItem("source"));
        send(token, subject, "{\"noticeVersion\":\"1.0\",\"source\":\"web\"}").statusCode(400).body("errors.field", hasItem("granted"));
        send(token, subject, "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"fax\"}").statusCode(400)
                .body("errors.field", hasItem("source"));
        send(token, subject, "{\"granted\":\"maybe\",\"noticeVersion\":\"1.0\",\"source\":\"web\"}").statusCode(400)
                .body("errors.field", hasItem("granted"));
        send(token, subject, "{\"granted\":true,").statusCode(400).contentType(PROBLEM);
        ConsentApi.put(token, subject, "no-such-purpose", true, "1.0").statusCode(404).contentType(PROBLEM);

        String tooLong = "s".repeat(65);
        ConsentApi.putAsService(TestTokens.service(), tooLong, "newsletter", true).statusCode(400)
                .body("errors.field", hasItem("subjectId"));
        ConsentApi.putAsService(TestTokens.service(), "bad*id", "newsletter", true).statusCode(400)
                .body("errors.field", hasItem("subjectId"));
        ConsentApi.putAsService(TestTokens.service(), "bad id!", "newsletter", true).statusCode(400).contentType(PROBLEM);

        history(subject).body("", hasSize(0));
        assertThat(events.eventsFor(subject)).isEmpty();
    }

    @Test
    void aDataSubjectNeverReachesAnotherSubject() {
        String alice = subject();
        String bob = subject();
        ConsentApi.grant(bob, "newsletter");
        String aliceToken = TestTokens.dataSubject(alice);

        given().auth().oauth2(aliceToken).when().get("/subjects/{s}/consents", bob).then().statusCode(403)
                .contentType(PROBLEM).body(not(containsString("GRANTED")));
        given().auth().oauth2(aliceToken).when().get("/subjects/{s}/consents/history", bob).then().statusCode(403)
                .body(not(containsString("newsletter")));
        given().auth().oauth2(aliceToken).when().get("/subjects/{s}/decisions/newsletter", bob).then().statusCode(403)
                .body(not(containsString("allowed")));
        ConsentApi.put(aliceToken, bob, "newsletter", false, "1.0").statusCode(403);

        ConsentApi.decision(bob, "newsletter").body("allowed", equalTo(true));
    }

    @Test
    void eachRoleReachesOnlyWhatItMay() {
        String subject = subject();
        given().when().get("/subjects/{s}/consents", subject).then().statusCode(401).contentType(PROBLEM);
        given().when().get("/subjects/{s}/decisions/newsletter", subject).then().statusCode(401);

        // a service records on a subject's behalf, asks for decisions, and reads the history for an access export
        ConsentApi.putAsService(TestTokens.service(), subject, "newsletter", true).statusCode(200);
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true));
        given().auth().oauth2(TestTokens.service()).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(1)).body("[0].subjectId", equalTo(subject));

        // the DPO reads any subject but records no decision for them
        history(subject).body("", hasSize(1));
        ConsentApi.put(TestTokens.dpo(), subject, "newsletter", false, "1.0").statusCode(403);

        // an auditor reads the audit log, not consents
        given().auth().oauth2(TestTokens.auditor()).when().get("/subjects/{s}/consents", subject).then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).when().get("/subjects/{s}/decisions/newsletter", subject)
                .then().statusCode(403);
    }

    @Test
    void theHistoryShowsWhoRecordedEachDecisionBesideTheDeclaredSource() {
        String subject = subject();
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.putAsService(TestTokens.service("lms"), subject, "newsletter", false).statusCode(200);
        ConsentApi.put(TestTokens.service("crm"), subject, "newsletter", true, "1.0", "import").statusCode(200);

        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(3))
                .body("source", equalTo(java.util.List.of("web", "api", "import")))
                .body("actorType", equalTo(java.util.List.of("SUBJECT", "SERVICE", "SERVICE")))
                .body("actor", equalTo(java.util.List.of(subject, "lms", "crm")));
        // the decision the system recorded is in force like any other
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true));

        // the events name the acting system, never a person
        events.await(subject, e -> e.type().equals("ConsentGranted") && "crm".equals(e.data().path("actorSystem").textValue()));
        assertThat(events.eventsFor(subject)).extracting(e -> e.type() + " " + e.data().path("source").asText() + " "
                + e.data().path("actorType").asText() + " " + e.data().path("actorSystem").textValue())
                .containsExactly("ConsentGranted web SUBJECT null", "ConsentWithdrawn api SERVICE lms",
                        "ConsentGranted import SERVICE crm");
    }

    @Test
    void aCallingSystemCannotClaimTheSubjectsOwnClickNorTheSubjectAnImport() {
        String subject = subject();
        for (String source : new String[] { "web", "mobile" }) {
            ConsentApi.put(TestTokens.service("lms"), subject, "newsletter", true, "1.0", source).statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("source"))
                    .body("errors.detail", hasItem(containsString("api or import")));
        }
        for (String source : new String[] { "api", "import" }) {
            ConsentApi.put(TestTokens.dataSubject(subject), subject, "newsletter", true, "1.0", source).statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("source"));
        }
        // nothing was written, nothing was emitted
        history(subject).body("", hasSize(0));
        assertThat(events.eventsFor(subject)).isEmpty();
        ConsentApi.put(TestTokens.dataSubject(subject), subject, "newsletter", true, "1.0", "mobile").statusCode(200)
                .body("source", equalTo("mobile"));
    }

    private static io.restassured.response.ValidatableResponse history(String subject) {
        return given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", subject).then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse send(String token, String subject, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/subjects/{s}/consents/newsletter", subject).then();
    }

    static String subject() {
        return "subj-" + UUID.randomUUID();
    }
}
