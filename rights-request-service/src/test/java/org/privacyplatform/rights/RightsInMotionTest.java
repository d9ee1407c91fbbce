package org.privacyplatform.rights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

/** Erasure that reaches every recipient, restriction, objection: over the real broker and REST. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RightsInMotionTest {

    private static EventProbe rights;

    @BeforeAll
    static void watch() {
        rights = new EventProbe(Topics.RIGHTS);
    }

    @AfterAll
    static void stop() {
        rights.close();
    }

    @Test
    void anErasureCompletesOnlyWhenEveryRecipientHasAnsweredAndSaysWhatWasKept() {
        putRecipients();
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ERASURE", null);
        assertThat(rights.eventsFor(subject)).noneMatch(e -> e.type().equals("ErasureRequested"));

        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes.recipientId", hasItems("consent-service", "retention-service", "crm-processor"))
                .body("outcomes.status", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
        CloudEvent requested = rights.await(subject, "ErasureRequested");
        assertThat(requested.data().path("requestId").asText()).isEqualTo(id);

        RightsApi.dpo(id, "complete", null).statusCode(409).body("detail", containsString("crm-processor"));

        // the platform services answer over Kafka, the processor over REST
        rights.send(Topics.CONSENT, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"consent-service\",\"erased\":[{\"category\":\"consent-state\",\"count\":2}],"
                + "\"kept\":[{\"category\":\"consent-history\",\"count\":3,\"ground\":\"Art. 7(1) and 17(3)(e) GDPR\"}]}");
        rights.send(Topics.RETENTION, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"retention-service\",\"erased\":[{\"category\":\"prospect\",\"count\":1}],\"kept\":[]}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                .body("outcomes.find { it.recipientId == 'consent-service' }.status", equalTo("PARTIAL"))
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE")));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS")).body("complaint", org.hamcrest.Matchers.nullValue())
                // a platform service's partial answer gives its reason: what it kept, on which ground
                .body("outcomes.find { it.recipientId == 'consent-service' }.note", containsString("consent-history"))
                .body("outcomes.find { it.recipientId == 'consent-service' }.note", containsString("17(3)(e)"));

        outcome(TestTokens.dataSubject(subject), id, "crm-processor", "DONE").statusCode(403);
        outcome(crm(), id, "unknown-recipient", "DONE").statusCode(403).contentType(RightsApi.PROBLEM);
        outcome(crm(), id, "crm-processor", "MAYBE").statusCode(400).body("errors.field", hasItem("status"));
        outcome(crm(), id, "crm-processor", "DONE").statusCode(200)
                .body("status", equalTo("PARTIALLY_COMPLETED"))
                .body("kept[0].category", equalTo("consent-history")).body("kept[0].recipientId", equalTo("consent-service"))
                .body("kept[0].ground", containsString("17(3)(e)"));
        outcome(crm(), id, "crm-processor", "DONE").statusCode(409);

        CloudEvent completed = rights.await(subject, "RequestCompleted");
        assertThat(completed.data().path("status").asText()).isEqualTo("PARTIALLY_COMPLETED");
        // not granted in full: the answer tells the subject where to complain, as a rejection does (Art. 12(4), 77)
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then()
                .body("kept[0].ground", containsString("17(3)(e)"))
                .body("complaint.authority", containsString("CNIL"))
                .body("complaint.url", equalTo("https://www.cnil.fr/en/contact-cnil"))
                .body("complaint.notice", containsString("not granted in full"))
                .body("complaint.notice", containsString("lodge a complaint"))
                .body("rejection", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theSystemsHoldingTheErasedDataAreAskedTooAndEachAnswersForItself() {
        putRecipients();
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ERASURE", null);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200);
        rights.send(Topics.CONSENT, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"consent-service\",\"erased\":[],\"kept\":[]}");
        outcome(crm(), id, "crm-processor", "DONE").statusCode(200);
        // the retention service erased the register and names who holds the data: lms and the billing system
        rights.send(Topics.RETENTION, "ErasureCompleted", subject, "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"retention-service\",\"erased\":[{\"category\":\"prospect\",\"count\":1}],\"kept\":[],"
                + "\"holders\":[\"lms\",\"Billing.EU\"]}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("DONE"))
                .body("outcomes.find { it.recipientId == 'lms' }.status", equalTo("PENDING"))
                .body("outcomes.find { it.recipientId == 'lms' }.holderSystem", equalTo("lms"))
                .body("outcomes.find { it.recipientId == 'billing-eu' }.holderSystem", equalTo("Billing.EU")));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS"))
                .body("history.find { it.action == 'HOLDERS_ASKED' }.note", containsString("lms, billing-eu"));

        // each holder answers for itself, and nobody else for it
        outcome(crm(), id, "lms", "DONE").statusCode(403);
        outcome(TestTokens.service("lms"), id, "billing-eu", "DONE").statusCode(403);
        // a holder that could not erase gives its reason (Art. 17, 19): without it, 400 and nothing recorded
        outcome(TestTokens.service("lms"), id, "lms", "FAILED").statusCode(400).contentType(RightsApi.PROBLEM)
                .body("errors.field", hasItem("note"));
        given().auth().oauth2(TestTokens.service("lms")).contentType(ContentType.JSON)
                .body("{\"recipientId\":\"lms\",\"status\":\"PARTIAL\",\"note\":\" \"}")
                .when().post("/requests/{id}/outcomes", id).then().statusCode(400).body("errors.field", hasItem("note"));
        RightsApi.get(id).body("outcomes.find { it.recipientId == 'lms' }.status", equalTo("PENDING"))
                .body("history.action", not(hasItem(containsString("OUTCOME lms"))));
        outcome(TestTokens.service("lms"), id, "lms", "DONE").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        // billing answered by e-mail: the DPO records it
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"recipientId\":\"billing-eu\",\"status\":\"DONE\",\"note\":\"e-mail of the billing team, 3 March\"}")
                .when().post("/requests/{id}/outcomes", id).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void answersArrivingTogetherCompleteTheRequest() throws Exception {
        // the three recipients answer at the same moment, two over Kafka and one over REST: whichever answer is
        // applied last must see the others and close the request
        putRecipients();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String subject = RightsApi.subject();
            String id = RightsApi.fileOwn(subject, "ERASURE", null);
            RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
            ids.add(id);
            ExecutorService processor = Executors.newSingleThreadExecutor();
            try {
                var rest = processor.submit(() -> outcome(crm(), id, "crm-processor", "DONE").statusCode(200));
                rights.sendAll(List.of(
                        EventProbe.record(Topics.CONSENT, UUID.randomUUID().toString(), "ErasureCompleted", subject,
                                "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                                        + "\",\"system\":\"consent-service\",\"erased\":[],\"kept\":[]}"),
                        EventProbe.record(Topics.RETENTION, UUID.randomUUID().toString(), "ErasureCompleted", subject,
                                "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                                        + "\",\"system\":\"retention-service\",\"erased\":[],\"kept\":[]}")));
                rest.get(20, TimeUnit.SECONDS);
            } finally {
                processor.shutdown();
            }
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RightsApi.get(id)
                    .body("outcomes.status", org.hamcrest.Matchers.everyItem(equalTo("DONE")))
                    .body("status", equalTo("COMPLETED")).body("complaint", org.hamcrest.Matchers.nullValue()));
        }
    }

    @Test
    void aRestrictionIsAnnouncedAndLiftedOnlyOnceTheSubjectWasTold() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "RESTRICTION", "{\"ground\":\"accuracy contested\"}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        CloudEvent restricted = rights.await(subject, "ProcessingRestricted");
        // the ground may name people or facts: it stays with the request, the event carries the request id
        assertThat(restricted.data().path("requestId").asText()).isEqualTo(id);
        assertThat(restricted.data().has("ground")).isFalse();
        RightsApi.get(id).body("details.ground", equalTo("accuracy contested"));

        RightsApi.dpo(id, "complete", null).statusCode(409).body("detail", containsString("18(3)"));
        RightsApi.dpo(id, "lift-restriction", "{}").statusCode(400).body("errors.field", hasItem("subjectInformedAt"));
        RightsApi.dpo(id, "lift-restriction", "{\"subjectInformedAt\":\"" + OffsetDateTime.now().plusDays(1) + "\"}")
                .statusCode(400).body("errors.field", hasItem("subjectInformedAt"));
        RightsApi.dpo(id, "lift-restriction", "{\"subjectInformedAt\":\"" + OffsetDateTime.now().minusHours(1) + "\"}")
                .statusCode(200).body("status", equalTo("COMPLETED"));
        rights.await(subject, "RestrictionLifted");
    }

    @Test
    void anObjectionReachesTheConsentServiceWithDirectMarketingAbsolute() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "OBJECTION",
                "{\"purposeIds\":[\"personalised-marketing\"],\"directMarketingOnly\":true}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("COMPLETED"));
        CloudEvent objection = rights.await(subject, "ObjectionRecorded");
        assertThat(objection.data().path("purposeIds").get(0).asText()).isEqualTo("personalised-marketing");
        assertThat(objection.data().path("directMarketingOnly").asBoolean()).isTrue();
        assertThat(rights.eventsFor(subject)).extracting(CloudEvent::type)
                .containsSubsequence("RequestReceived", "IdentityVerified", "ObjectionRecorded", "RequestCompleted");
    }

    @Test
    void anObjectionToOtherProcessingAwaitsTheDposReviewWhileDirectMarketingStopsAtOnce() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "OBJECTION", "{\"purposeIds\":[\"fraud-prevention\",\"personalised-marketing\"]}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("history.find { it.action == 'OBJECTION_UNDER_REVIEW' }.note", containsString("DPO's review"));
        // the direct-marketing part at once: the consent service applies it to the direct-marketing purposes named
        CloudEvent atOnce = rights.await(subject, "ObjectionRecorded");
        assertThat(atOnce.data().path("directMarketingOnly").asBoolean()).isTrue();
        assertThat(atOnce.data().path("purposeIds").toString()).contains("fraud-prevention", "personalised-marketing");

        // only the DPO reviews, and only an objection under review
        given().auth().oauth2(TestTokens.dataSubject(subject)).contentType(ContentType.JSON).body("{}").when()
                .post("/requests/{id}/uphold-objection", id).then().statusCode(403);
        String erasure = RightsApi.fileOwn(subject, "ERASURE", null);
        RightsApi.dpo(erasure, "uphold-objection", "{}").statusCode(409);
        RightsApi.dpo(erasure, "reject", "{\"ground\":\"COMPELLING_LEGITIMATE_GROUNDS\",\"detail\":\"x\"}").statusCode(409);
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"Not A Purpose\"]}").statusCode(400);

        // upheld for every purpose objected to (the direct-marketing one, stopped already, named too): COMPLETED
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"fraud-prevention\",\"personalised-marketing\"],"
                + "\"note\":\"no overriding ground\"}")
                .statusCode(200).body("status", equalTo("COMPLETED")).body("complaint", org.hamcrest.Matchers.nullValue())
                .body("rejection", org.hamcrest.Matchers.nullValue())
                .body("history.find { it.toStatus == 'COMPLETED' }.note", containsString("fraud-prevention"))
                .body("history.find { it.toStatus == 'COMPLETED' }.actorType", equalTo("DPO"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rights.eventsFor(subject))
                .filteredOn(e -> e.type().equals("ObjectionRecorded")).hasSize(2));
        CloudEvent upheld = rights.eventsFor(subject).stream().filter(e -> e.type().equals("ObjectionRecorded"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(upheld.data().path("directMarketingOnly").asBoolean()).isFalse();
        assertThat(upheld.data().path("purposeIds").toString())
                .isEqualTo("[\"fraud-prevention\",\"personalised-marketing\"]");
    }

    @Test
    void anObjectionUnderReviewIsNeverClosedByAPlainCompletion() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "OBJECTION", "{\"purposeIds\":[\"fraud-prevention\"]}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        rights.await(subject, "ObjectionRecorded");

        RightsApi.dpo(id, "complete", "{\"note\":\"done\"}").statusCode(409).contentType(RightsApi.PROBLEM)
                .body("detail", containsString("uphold-objection"))
                .body("detail", containsString("COMPELLING_LEGITIMATE_GROUNDS"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS")).body("closedAt", org.hamcrest.Matchers.nullValue())
                .body("history.action", not(hasItem("COMPLETED")));
        assertThat(rights.eventsFor(subject)).extracting(CloudEvent::type).doesNotContain("RequestCompleted");
        assertThat(rights.eventsFor(subject)).filteredOn(e -> e.type().equals("ObjectionRecorded")).hasSize(1);
    }

    @Test
    void anObjectionUpheldForOnlySomePurposesIsPartiallyCompletedWithTheGroundsForTheOthers() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "OBJECTION", "{\"purposeIds\":[\"fraud-prevention\",\"service-analytics\"]}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        rights.await(subject, "ObjectionRecorded");

        // a subset without the grounds for the rest, or a purpose not objected to: 400, nothing written
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"service-analytics\"]}").statusCode(400)
                .contentType(RightsApi.PROBLEM).body("errors.field", hasItem("grounds"))
                .body("detail", containsString("fraud-prevention"));
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"service-analytics\"],\"grounds\":\"  \"}")
                .statusCode(400).body("errors.field", hasItem("grounds"));
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"newsletter\"],\"grounds\":\"x\"}").statusCode(400)
                .body("errors.field", hasItem("purposeIds"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS")).body("rejection", org.hamcrest.Matchers.nullValue());
        assertThat(rights.eventsFor(subject)).filteredOn(e -> e.type().equals("ObjectionRecorded")).hasSize(1);

        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"service-analytics\"],\"grounds\":\"fraud checks on "
                + "payments are required by our card acquirer\"}").statusCode(200)
                .body("status", equalTo("PARTIALLY_COMPLETED"))
                .body("history.find { it.toStatus == 'PARTIALLY_COMPLETED' }.note", containsString("not upheld for fraud-prevention"))
                .body("history.find { it.toStatus == 'PARTIALLY_COMPLETED' }.actorType", equalTo("DPO"));
        // the subject reads which purposes go on and why, and where to complain
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("rejection.ground", equalTo("COMPELLING_LEGITIMATE_GROUNDS"))
                .body("rejection.detail", containsString("fraud-prevention"))
                .body("rejection.detail", containsString("card acquirer"))
                .body("complaint.authority", containsString("CNIL"))
                .body("complaint.notice", containsString("not granted in full"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rights.eventsFor(subject))
                .filteredOn(e -> e.type().equals("ObjectionRecorded")).hasSize(2));
        CloudEvent upheld = rights.eventsFor(subject).stream().filter(e -> e.type().equals("ObjectionRecorded"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(upheld.data().path("purposeIds").toString()).isEqualTo("[\"service-analytics\"]");
        assertThat(rights.await(subject, "RequestCompleted").data().path("status").asText()).isEqualTo("PARTIALLY_COMPLETED");
    }

    @Test
    void anObjectionToEveryLegitimateInterestUpheldForSomeNeedsTheGroundsForTheRest() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "OBJECTION", "{}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"service-analytics\"]}").statusCode(400)
                .body("errors.field", hasItem("grounds"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS"));
        RightsApi.dpo(id, "uphold-objection", "{\"purposeIds\":[\"service-analytics\"],\"grounds\":\"proof of "
                + "transactions is kept for legal claims\"}").statusCode(200).body("status", equalTo("PARTIALLY_COMPLETED"))
                .body("rejection.detail", containsString("the other legitimate-interest purposes"));
        // upheld for every legitimate-interest purpose (none named either side): COMPLETED
        String all = RightsApi.fileOwn(subject, "OBJECTION", "{}");
        RightsApi.dpo(all, "verify-identity", null).statusCode(200);
        RightsApi.dpo(all, "uphold-objection", "{}").statusCode(200).body("status", equalTo("COMPLETED"))
                .body("complaint", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anObjectionRefusedOnCompellingGroundsShowsThemAndWhereToComplain() {
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "OBJECTION", "{\"purposeIds\":[\"fraud-prevention\"]}");
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        RightsApi.dpo(id, "reject", "{\"ground\":\"COMPELLING_LEGITIMATE_GROUNDS\"}").statusCode(400)
                .body("errors.field", hasItem("detail"));
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS"));
        RightsApi.dpo(id, "reject", "{\"ground\":\"COMPELLING_LEGITIMATE_GROUNDS\",\"detail\":\"fraud checks on "
                + "payments protect every customer and are required by our card acquirer\"}").statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejection.ground", equalTo("COMPELLING_LEGITIMATE_GROUNDS"));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/requests/{id}", id).then().statusCode(200)
                .body("rejection.detail", containsString("card acquirer"))
                .body("complaint.authority", org.hamcrest.Matchers.notNullValue());
        // never stopped without the review: the only objection sent is the direct-marketing one
        assertThat(rights.eventsFor(subject)).filteredOn(e -> e.type().equals("ObjectionRecorded"))
                .allMatch(e -> e.data().path("directMarketingOnly").asBoolean());
    }

    @Test
    void recipientsAreTheDposAndLeftOutOnesAreDeactivated() {
        putRecipients();
        given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("[{\"id\":\"bad id\",\"name\":\"x\",\"kind\":\"PROCESSOR\",\"appliesTo\":[\"ERASURE\"]}]")
                .when().put("/recipients").then().statusCode(400);
        given().auth().oauth2(TestTokens.service()).when().get("/recipients").then().statusCode(403);
        given().auth().oauth2(TestTokens.dpo()).when().get("/recipients").then().statusCode(200)
                .body("find { it.id == 'crm-processor' }.channel", equalTo("REST"))
                .body("find { it.id == 'crm-processor' }.active", equalTo(true));
    }

    @Test
    void aRecipientsOutcomeComesOnlyFromTheSystemThatSpeaksForIt() {
        putRecipients();
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ERASURE", null);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200);
        int steps = RightsApi.get(id).extract().path("history.size()");

        // another business system, the platform's own client: refused, and nothing changes
        for (String token : new String[] { TestTokens.service("lms"), TestTokens.service(TestTokens.RIGHTS_REQUEST_SERVICE) }) {
            outcome(token, id, "crm-processor", "DONE").statusCode(403).contentType(RightsApi.PROBLEM)
                    .body("detail", containsString("does not report for recipient 'crm-processor'"));
        }
        // the DPO records an answer given out of band only with a note saying how (RectificationTest)
        outcome(TestTokens.dpo(), id, "crm-processor", "DONE").statusCode(400).body("errors.field", hasItem("note"));
        // a platform service's outcome comes over Kafka as itself, never over REST
        outcome(TestTokens.service("consent-service"), id, "consent-service", "DONE").statusCode(403);
        // nor may the right system speak for a request of a subject it was not asked about: not found
        outcome(crm(), java.util.UUID.randomUUID().toString(), "crm-processor", "DONE").statusCode(404);
        RightsApi.get(id).body("outcomes.find { it.recipientId == 'crm-processor' }.status", equalTo("PENDING"))
                .body("history.size()", equalTo(steps)).body("status", equalTo("IN_PROGRESS"));
        assertThat(rights.eventsFor(subject)).noneMatch(e -> e.type().equals("RecipientOutcomeReported"));

        // the system the catalogue names is heard, and the history says it was
        outcome(crm(), id, "crm-processor", "DONE").statusCode(200)
                .body("outcomes.find { it.recipientId == 'crm-processor' }.status", equalTo("DONE"))
                .body("history.find { it.action == 'OUTCOME crm-processor DONE' }.actorType", equalTo("SERVICE"))
                .body("history.find { it.action == 'OUTCOME crm-processor DONE' }.actor", equalTo("crm"));
        CloudEvent reported = rights.await(subject, "RecipientOutcomeReported");
        assertThat(reported.data().path("actorType").asText()).isEqualTo("SERVICE");
        assertThat(reported.data().path("actorSystem").asText()).isEqualTo("crm");
    }

    @Test
    void theCatalogueNamesWhichSystemReportsForARestRecipient() {
        putRecipients();
        given().auth().oauth2(TestTokens.dpo()).when().get("/recipients").then().statusCode(200)
                .body("find { it.id == 'crm-processor' }.reportedBy", equalTo("crm"))
                .body("find { it.id == 'consent-service' }.reportedBy", org.hamcrest.Matchers.nullValue());
        recipients("""
                [{"id":"crm-processor","name":"CRM processor","kind":"PROCESSOR","appliesTo":["ERASURE"],"channel":"REST"}]""")
                .statusCode(400).contentType(RightsApi.PROBLEM).body("errors.field", hasItem("reportedBy"));
        recipients("""
                [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],
                  "channel":"KAFKA","reportedBy":"lms"}]""").statusCode(400).body("errors.field", hasItem("reportedBy"));
        recipients("""
                [{"id":"crm-processor","name":"CRM processor","kind":"PROCESSOR","appliesTo":["ERASURE"],"channel":"REST",
                  "reportedBy":"crm system"}]""").statusCode(400);
        // a refused list changed nothing
        given().auth().oauth2(TestTokens.dpo()).when().get("/recipients").then()
                .body("find { it.id == 'crm-processor' }.reportedBy", equalTo("crm"))
                .body("find { it.id == 'consent-service' }.active", equalTo(true));
    }

    /** A token of the calling system that speaks for the recipient crm-processor in the catalogue these tests put. */
    private static String crm() {
        return TestTokens.service("crm");
    }

    private static void putRecipients() {
        recipients("""
                [{"id":"consent-service","name":"Consent service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"retention-service","name":"Retention service","kind":"PLATFORM_SERVICE","appliesTo":["ERASURE"],"channel":"KAFKA"},
                 {"id":"crm-processor","name":"CRM processor","kind":"PROCESSOR","appliesTo":["ERASURE","RECTIFICATION"],"channel":"REST",
                  "reportedBy":"crm"}]""").statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse recipients(String body) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON).body(body).when().put("/recipients")
                .then();
    }

    private static io.restassured.response.ValidatableResponse outcome(String token, String id, String recipient, String status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"recipientId\":\"" + recipient + "\",\"status\":\"" + status + "\",\"erased\":[{\"category\":\"crm-contact\",\"count\":1}]}")
                .when().post("/requests/{id}/outcomes", id).then();
    }

    @Test
    void anErasureCompletedNamingAnotherSystemClosesNothingAndIsSetAside() {
        putRecipients();
        String subject = RightsApi.subject();
        String id = RightsApi.fileOwn(subject, "ERASURE", null);
        RightsApi.dpo(id, "verify-identity", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        String forged = "{\"requestId\":\"" + id + "\",\"subjectId\":\"" + subject
                + "\",\"system\":\"retention-service\",\"erased\":[],\"kept\":[]}";
        try (EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.CONSENT))) {
            // on the consent service's topic, an answer in the retention service's name
            rights.send(Topics.CONSENT, "ErasureCompleted", subject, forged);

            var dead = deadLetters.awaitDeadLetter(subject, "rights-request-service.consent-events");
            assertThat(EventProbe.header(dead, "dead-letter-reason")).contains("must name system consent-service");
        }
        RightsApi.get(id).body("status", equalTo("IN_PROGRESS"))
                .body("outcomes.find { it.recipientId == 'retention-service' }.status", equalTo("PENDING"));
    }
}
