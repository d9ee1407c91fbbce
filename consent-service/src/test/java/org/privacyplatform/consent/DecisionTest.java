package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;
import org.privacyplatform.commons.testing.MutableClock;
import org.privacyplatform.commons.testing.TestTokens;
import org.privacyplatform.consent.messaging.ConsentExpiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The decision API: every legal basis, fresh consent after a new notice, expiry, restriction, objection. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DecisionTest {

    private static EventProbe consentEvents;

    @Inject
    MutableClock clock;

    @Inject
    ConsentExpiry expiry;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @BeforeAll
    static void watch() {
        consentEvents = new EventProbe(Topics.CONSENT);
    }

    @AfterAll
    static void stop() {
        consentEvents.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachLegalBasisAnswersAsTheRegulationSays() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.decision(subject, "training-access").body("allowed", equalTo(true))
                .body("legalBasis", equalTo("CONTRACT")).body("reason", equalTo("CONTRACT"));
        ConsentApi.decision(subject, "accounting").body("allowed", equalTo(true)).body("reason", equalTo("LEGAL_OBLIGATION"));
        ConsentApi.decision(subject, "fraud-prevention").body("allowed", equalTo(true))
                .body("reason", equalTo("LEGITIMATE_INTEREST"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));

        ConsentApi.grant(subject, "newsletter");
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"))
                .body("noticeVersion", equalTo("1.0"));

        // the answer turns as soon as the withdrawal is acknowledged
        ConsentApi.refuse(subject, "newsletter");
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false)).body("reason", equalTo("CONSENT_WITHDRAWN"));

        // Art. 21(1): an objection to a legitimate interest other than direct marketing is no switch: the DPO reviews
        // it (a rights request), and processing goes on until then
        ConsentApi.put(TestTokens.dataSubject(subject), subject, "fraud-prevention", false, "1.0").statusCode(409)
                .contentType(ConsentApi.PROBLEM).body("detail", org.hamcrest.Matchers.containsString("OBJECTION request"));
        ConsentApi.decision(subject, "fraud-prevention").body("allowed", equalTo(true));

        given().auth().oauth2(TestTokens.service()).when().get("/subjects/{s}/decisions/no-such-purpose", subject)
                .then().statusCode(404).contentType(ConsentApi.PROBLEM);
    }

    @Test
    void aNoticeThatRequiresFreshConsentMakesEarlierGrantsStopCounting() {
        String purpose = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        publish(purpose, "1.0", false).statusCode(201);
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, purpose);

        // a minor new version keeps earlier grants
        publish(purpose, "1.1", false).statusCode(200);
        ConsentApi.decision(subject, purpose).body("allowed", equalTo(true)).body("noticeVersion", equalTo("1.0"));

        // a version that requires fresh consent does not: the subject must agree to it
        publish(purpose, "2.0", true).statusCode(200);
        ConsentApi.decision(subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("NOTICE_OUTDATED"));
        ConsentApi.put(TestTokens.dataSubject(subject), subject, purpose, true, "1.1").statusCode(200);
        ConsentApi.decision(subject, purpose).body("allowed", equalTo(false)).body("reason", equalTo("NOTICE_OUTDATED"));

        ConsentApi.put(TestTokens.dataSubject(subject), subject, purpose, true, "2.0").statusCode(200)
                .body("changed", equalTo(true));
        ConsentApi.decision(subject, purpose).body("allowed", equalTo(true)).body("noticeVersion", equalTo("2.0"));
    }

    @Test
    void aCookieConsentLapsesAfterThirteenMonthsToTheDayAndIsWithdrawnOnce() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2025-01-31T10:00:00Z"));
        // 31 January + 13 months is the last day of February of the next year
        ConsentApi.grant(subject, "cookies-consent").body("expiresAt", equalTo("2026-02-28T10:00:00Z"));

        clock.set(Instant.parse("2026-02-28T09:59:59Z"));
        ConsentApi.decision(subject, "cookies-consent").body("allowed", equalTo(true));
        assertThat(expiry.expireLapsedGrants()).isZero();

        clock.set(Instant.parse("2026-02-28T10:00:00Z"));
        ConsentApi.decision(subject, "cookies-consent").body("allowed", equalTo(false))
                .body("reason", equalTo("CONSENT_EXPIRED"));
        assertThat(expiry.expireLapsedGrants()).isGreaterThanOrEqualTo(1);
        assertThat(expiry.expireLapsedGrants()).isZero();

        CloudEvent withdrawn = consentEvents.await(subject, "ConsentWithdrawn");
        assertThat(withdrawn.data().path("reason").asText()).isEqualTo("EXPIRED");
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents", subject)
                .then().body("find { it.purposeId == 'cookies-consent' }.status", equalTo("EXPIRED"));

        // asked again, the subject grants again: a new 13 months
        ConsentApi.grant(subject, "cookies-consent").body("changed", equalTo(true))
                .body("expiresAt", equalTo("2027-03-28T10:00:00Z"));
        consentEvents.await(subject, e -> e.type().equals("ConsentGranted")
                && e.data().path("grantedAt").asText().startsWith("2026-02-28"));
        assertThat(consentEvents.count(subject, "ConsentWithdrawn")).isEqualTo(1);
    }

    @Test
    void aRestrictedSubjectIsAllowedStorageOnlyUntilTheRestrictionIsLifted() {
        String subject = ConsentResourceTest.subject();
        // consented before the restriction (one given after it would be honoured: Art. 18(2), below)
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        ConsentApi.grant(subject, "newsletter");
        String requestId = UUID.randomUUID().toString();

        consentEvents.send(Topics.RIGHTS, "ProcessingRestricted", subject,
                "{\"requestId\":\"" + requestId + "\",\"subjectId\":\"" + subject
                        + "\",\"restrictedAt\":\"2026-11-26T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED")).body("storageOnly", equalTo(true)));
        ConsentApi.decision(subject, "training-access").body("allowed", equalTo(false)).body("storageOnly", equalTo(true));

        consentEvents.send(Topics.RIGHTS, "RestrictionLifted", subject,
                "{\"requestId\":\"" + requestId + "\",\"subjectId\":\"" + subject
                        + "\",\"subjectInformedAt\":\"2026-11-26T11:00:00Z\",\"liftedAt\":\"2026-11-26T11:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN")));
        ConsentApi.decision(subject, "training-access").body("allowed", equalTo(true));
    }

    @Test
    void whileRestrictedWhatTheSubjectConsentsToAfterTheRestrictionIsAllowed() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        ConsentApi.grant(subject, "newsletter");
        consentEvents.send(Topics.RIGHTS, "ProcessingRestricted", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"restrictedAt\":\"2026-11-26T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("reason", equalTo("RESTRICTED")).body("storageOnly", equalTo(true)));

        // Art. 18(2): a consent given after the restriction is honoured, one given before is not
        clock.set(Instant.parse("2026-11-26T10:00:01Z"));
        ConsentApi.grant(subject, "community-membership");
        ConsentApi.decision(subject, "community-membership").body("allowed", equalTo(true))
                .body("reason", equalTo("CONSENT_AFTER_RESTRICTION")).body("storageOnly", equalTo(false));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED"));
        // a contract purpose is not consented to: storage only
        ConsentApi.decision(subject, "training-access").body("allowed", equalTo(false)).body("storageOnly", equalTo(true));
        // withdrawn again, it is restricted like the rest
        ConsentApi.refuse(subject, "community-membership");
        ConsentApi.decision(subject, "community-membership").body("allowed", equalTo(false))
                .body("reason", equalTo("RESTRICTED"));
    }

    @Test
    void anObjectionTheDpoUpheldAfterReviewStopsAProcessingOtherThanDirectMarketing() {
        String subject = ConsentResourceTest.subject();
        // what the rights-request service sends at once (direct marketing only) changes nothing for fraud prevention
        consentEvents.send(Topics.RIGHTS, "ObjectionRecorded", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"purposeIds\":[\"fraud-prevention\"],\"directMarketingOnly\":true,"
                + "\"recordedAt\":\"2026-11-26T10:00:00Z\"}");
        // and what it sends once the DPO upheld the objection does
        consentEvents.send(Topics.RIGHTS, "ObjectionRecorded", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"purposeIds\":[\"fraud-prevention\"],\"directMarketingOnly\":false,"
                + "\"recordedAt\":\"2026-11-26T10:05:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "fraud-prevention")
                .body("allowed", equalTo(false)).body("reason", equalTo("OBJECTED")));
        assertThat(consentEvents.await(subject, "ConsentWithdrawn").data().path("purposeId").asText())
                .isEqualTo("fraud-prevention");
    }

    @Test
    void anObjectionFiledAsARightsRequestReachesTheDecisions() {
        String subject = ConsentResourceTest.subject();
        consentEvents.send(Topics.RIGHTS, "ObjectionRecorded", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"purposeIds\":[],\"directMarketingOnly\":true,"
                + "\"recordedAt\":\"2026-11-26T10:00:00Z\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ConsentApi.decision(subject, "personalised-marketing")
                .body("allowed", equalTo(false)).body("reason", equalTo("OBJECTED_DIRECT_MARKETING")));
        ConsentApi.decision(subject, "fraud-prevention").body("allowed", equalTo(true));
        CloudEvent withdrawn = consentEvents.await(subject, "ConsentWithdrawn");
        assertThat(withdrawn.data().path("source").asText()).isEqualTo("rights-request");
    }

    @Test
    void aChangeCommittedByAnotherInstanceReachesThisInstancesDecisionsWhenItCommits() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("NO_CONSENT"));

        // another instance commits a grant and announces it (DecisionCacheInvalidation does so right after its commit;
        // in the same transaction here, so that the announcement cannot arrive before the change is visible)
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into consent_state (subject_id, purpose_id, status, notice_version, source, decided_at)
                    values (?1, 'newsletter', 'GRANTED', '1.0', 'web', now())""").setParameter(1, subject).executeUpdate();
            // this instance's snapshot does not know yet: the announcement leaves only with the commit
            ConsentApi.decision(subject, "newsletter").body("reason", equalTo("NO_CONSENT"));
            announce(subject);
        });

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN")));
    }

    @Test
    void aRestrictionAppliedByAnotherInstanceReachesThisInstancesDecisions() {
        String subject = ConsentResourceTest.subject();
        ConsentApi.grant(subject, "newsletter");
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true));

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into subject_restriction (subject_id, request_id, restricted_at) values (?1, ?2, now())""")
                    .setParameter(1, subject).setParameter(2, UUID.randomUUID().toString()).executeUpdate();
            announce(subject);
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("allowed", equalTo(false)).body("reason", equalTo("RESTRICTED")));

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from subject_restriction where subject_id = ?1").setParameter(1, subject)
                    .executeUpdate();
            announce(subject);
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> ConsentApi.decision(subject, "newsletter")
                .body("allowed", equalTo(true)));
    }

    @Test
    void aCommittedChangeIsAnnouncedToTheOtherInstancesAndARolledBackOneIsNot() throws Exception {
        String subject = ConsentResourceTest.subject();
        String refused = ConsentResourceTest.subject();
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "consent", "consent")) {
            try (java.sql.Statement listen = other.createStatement()) {
                listen.execute("listen consent_decisions");
            }
            // a change refused by validation rolls back: nothing is announced for it
            given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                    .body("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"not-a-source\"}")
                    .when().put("/subjects/{s}/consents/newsletter", refused).then().statusCode(400);
            ConsentApi.grant(subject, "newsletter");
            java.util.List<String> announced = new java.util.ArrayList<>();
            org.postgresql.PGConnection notifications = other.unwrap(org.postgresql.PGConnection.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                org.postgresql.PGNotification[] received = notifications.getNotifications(100);
                if (received != null) {
                    for (org.postgresql.PGNotification n : received) {
                        announced.addAll(java.util.List.of(n.getParameter().split("\n")));
                    }
                }
                return announced.contains(subject);
            });
            assertThat(announced).doesNotContain(refused);
        }
    }

    private void announce(String subject) {
        entityManager.createNativeQuery("select pg_notify('consent_decisions', ?1)").setParameter(1, subject).getSingleResult();
    }

    private static io.restassured.response.ValidatableResponse publish(String purpose, String version, boolean fresh) {
        return given().auth().oauth2(TestTokens.dpo()).contentType(ContentType.JSON)
                .body("{\"name\":\"Fresh\",\"description\":\"d\",\"legalBasis\":\"CONSENT\",\"notice\":{\"version\":\""
                        + version + "\",\"text\":\"Notice " + version + "\",\"requiresFreshConsent\":" + fresh + "}}")
                .when().put("/purposes/" + purpose).then();
    }
}
