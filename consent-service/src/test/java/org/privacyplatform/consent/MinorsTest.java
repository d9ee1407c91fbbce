package org.privacyplatform.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Minors (Art. 8 GDPR, art. 45 loi Informatique et Libertés): under 15 a consent counts only when a holder of
 * parental responsibility gives or authorises it; 15 is reached at 00:00 in Paris on the birthday (1 March for
 * someone born on 29 February).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MinorsTest {

    private static final String HOLDER = "lms:parental-check-4711";
    private static EventProbe events;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

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
    void aGrantForASubjectUnder15WithoutAParentIs422AndWritesNothingUntilMidnightInParisOnTheBirthday() {
        String subject = ConsentResourceTest.subject();
        String body = "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\",\"birthDate\":\"2012-03-01\"}";
        // 23:59:59 on 28 February 2027 in Paris: one second short of 15
        clock.set(Instant.parse("2027-02-28T22:59:59Z"));
        put(TestTokens.service(), subject, "newsletter", body).statusCode(422).contentType(ConsentApi.PROBLEM)
                .body("status", equalTo(422)).body("detail", containsString("under 15"))
                .body("errors.field", hasItem("parentalConsent"));
        put(TestTokens.dataSubject(subject), subject, "newsletter", body.replace("\"api\"", "\"web\"")).statusCode(422)
                .contentType(ConsentApi.PROBLEM);
        assertNothingKept(subject);
        // nothing was written, the age stated with the refused grant included
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("NO_CONSENT"));

        // 00:00 on 1 March in Paris (23:00 UTC): 15
        clock.set(Instant.parse("2027-02-28T23:00:00Z"));
        put(TestTokens.service(), subject, "newsletter", body).statusCode(200).body("status", equalTo("GRANTED"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
        // an adult's birth date is not kept
        assertThat(minorRows(subject)).isZero();
    }

    @Test
    void aParentsConsentRecordedByTheCallingSystemCountsAndTheHistorySaysSo() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2026-06-15T10:00:00Z"));
        put(TestTokens.service(), subject, "community-membership", "{\"granted\":true,\"noticeVersion\":\"1.0\","
                + "\"source\":\"api\",\"birthDate\":\"2014-05-10\",\"parentalConsent\":{\"holder\":\"" + HOLDER + "\"}}")
                .statusCode(200).body("changed", equalTo(true)).body("status", equalTo("GRANTED"));
        ConsentApi.decision(subject, "community-membership").body("allowed", equalTo(true))
                .body("reason", equalTo("CONSENT_GIVEN"));
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject)
                .then().statusCode(200).body("", hasSize(1)).body("[0].parentalConsentHolder", equalTo(HOLDER))
                .body("[0].actorType", equalTo("SERVICE")).body("[0].actor", equalTo(TestTokens.DEMO_SYSTEM))
                .body("[0].source", equalTo("api"));
        // the event says a parent consented, never who: the holder's reference stays in the history
        CloudEvent granted = events.await(subject, "ConsentGranted");
        assertThat(granted.data().path("parentalConsent").asBoolean()).isTrue();
        assertThat(granted.data().toString()).doesNotContain(HOLDER);

        // the same grant from the child's frontend repeats it: the parent's consent stays the one in force
        ConsentApi.grant(subject, "community-membership").body("changed", equalTo(false));
        ConsentApi.decision(subject, "community-membership").body("reason", equalTo("CONSENT_GIVEN"));
        // other consent purposes still need a parent: the subject is known as a minor now
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false))
                .body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT")).body("detail", containsString("parental"));
        ConsentApi.put(TestTokens.dataSubject(subject), subject, "newsletter", true, "1.0").statusCode(422);
        // a contract or a legitimate interest does not rest on consent
        ConsentApi.decision(subject, "training-access").body("allowed", equalTo(true));
        ConsentApi.decision(subject, "fraud-prevention").body("allowed", equalTo(true));

        // withdrawing needs nobody (Art. 7(3)); granting again alone is refused
        ConsentApi.refuse(subject, "community-membership");
        ConsentApi.decision(subject, "community-membership").body("reason", equalTo("CONSENT_WITHDRAWN"));
        ConsentApi.put(TestTokens.dataSubject(subject), subject, "community-membership", true, "1.0").statusCode(422);
        given().auth().oauth2(TestTokens.dataSubject(subject)).when().get("/subjects/{s}/consents/history", subject)
                .then().body("", hasSize(2)).body("[1].status", equalTo("WITHDRAWN"))
                .body("[1].parentalConsentHolder", nullValue());
    }

    @Test
    void decisionsExplainAMinorAndAGrantGivenAloneUnder15NeverCountsEvenAfter() {
        String subject = ConsentResourceTest.subject();
        // granted before anyone said they were a minor
        clock.set(Instant.parse("2027-02-20T09:00:00Z"));
        ConsentApi.grant(subject, "newsletter");
        // born on 29 February 2012: 15 on 1 March 2027 (2027 has no 29 February)
        put(TestTokens.service(), subject, "community-membership", "{\"granted\":false,\"noticeVersion\":\"1.0\","
                + "\"source\":\"api\",\"birthDate\":\"2012-02-29\"}").statusCode(200);

        clock.set(Instant.parse("2027-02-28T22:59:59Z"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false))
                .body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT")).body("detail", containsString("is under 15"));
        ConsentApi.decision(subject, "cookies-consent").body("allowed", equalTo(false))
                .body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT"));
        ConsentApi.decision(subject, "community-membership").body("reason", equalTo("CONSENT_WITHDRAWN"));
        batch("newsletter", subject).body("[0].reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT"));

        // 00:00 on 1 March in Paris: 15. What they granted alone before does not become valid; they are asked again
        clock.set(Instant.parse("2027-02-28T23:00:00Z"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false))
                .body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT")).body("detail", containsString("was under 15"));
        ConsentApi.decision(subject, "cookies-consent").body("reason", equalTo("NO_CONSENT"));
        batch("newsletter", subject).body("[0].allowed", equalTo(false));
        // asked again, the grant of a 15-year-old stands on its own: the same grant is a new decision, not a repeat
        clock.set(Instant.parse("2027-02-28T23:00:01Z"));
        ConsentApi.grant(subject, "newsletter").body("changed", equalTo(true));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
        batch("newsletter", subject).body("[0].reason", equalTo("CONSENT_GIVEN"));
    }

    @Test
    void theSubjectsTokenStatesTheBirthDateAndParisSummerTimeDecidesTheInstant() {
        String subject = ConsentResourceTest.subject();
        String token = tokenWithBirthdate(subject, "2011-07-14");
        // 15 at 00:00 on 14 July 2026 in Paris, summer time: 22:00 UTC the day before
        clock.set(Instant.parse("2026-07-13T21:59:59Z"));
        ConsentApi.put(token, subject, "newsletter", true, "1.0").statusCode(422).contentType(ConsentApi.PROBLEM);
        // the body does not state it a second time
        put(token, subject, "newsletter", "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"minor\":false}")
                .statusCode(400).body("errors.field", hasItem("minor"));
        assertNothingKept(subject);

        clock.set(Instant.parse("2026-07-13T22:00:00Z"));
        ConsentApi.put(token, subject, "newsletter", true, "1.0").statusCode(200).body("status", equalTo("GRANTED"));
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("CONSENT_GIVEN"));

        // a year withheld (OIDC: 0000-MM-DD) states no age
        String unknown = ConsentResourceTest.subject();
        ConsentApi.put(tokenWithBirthdate(unknown, "0000-07-14"), unknown, "newsletter", true, "1.0").statusCode(200);
    }

    @Test
    void aMinorFlagWithoutADateHoldsUntilACallerSaysOtherwise() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2026-12-31T22:59:59Z")); // 23:59:59 on 31 December in Paris
        put(TestTokens.service(), subject, "community-membership", "{\"granted\":false,\"noticeVersion\":\"1.0\","
                + "\"source\":\"api\",\"minor\":true}").statusCode(200);
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT"));
        clock.set(Instant.parse("2031-01-01T00:00:00Z"));
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT"));

        put(TestTokens.service(), subject, "newsletter", "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\","
                + "\"minor\":false}").statusCode(200).body("status", equalTo("GRANTED"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
    }

    @Test
    void aChildKnownAsAMinorCannotDeclareThemselvesAnAdultButTheCallingSystemCan() {
        String subject = ConsentResourceTest.subject();
        String own = TestTokens.dataSubject(subject);
        clock.set(Instant.parse("2027-02-28T22:59:59Z")); // 23:59:59 on 28 February in Paris
        // the lms checked the age: born 1 March 2012, 15 at 00:00 on 1 March 2027 in Paris
        put(TestTokens.service(), subject, "community-membership", "{\"granted\":false,\"noticeVersion\":\"1.0\","
                + "\"source\":\"api\",\"birthDate\":\"2012-03-01\"}").statusCode(200);

        put(own, subject, "newsletter", "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\",\"minor\":false}")
                .statusCode(403).contentType(ConsentApi.PROBLEM).body("errors.field", hasItem("minor"))
                .body("detail", containsString("does not end it sooner"));
        put(own, subject, "newsletter", "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\","
                + "\"birthDate\":\"2012-02-28\"}").statusCode(403).body("errors.field", hasItem("birthDate"));
        // born 29 February 2012 is 15 on 1 March 2027 too: not sooner, so the grant is refused as a minor's
        put(own, subject, "newsletter", "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"web\","
                + "\"birthDate\":\"2012-02-29\"}").statusCode(422).body("errors.field", hasItem("parentalConsent"));
        // nothing written: the decision still explains the minority, the stored day is unchanged
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(false))
                .body("reason", equalTo("MINOR_WITHOUT_PARENTAL_CONSENT"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", subject).then()
                .statusCode(200).body("", hasSize(1)).body("[0].purposeId", equalTo("community-membership"));
        assertThat(consentAgeOn(subject)).isEqualTo("2027-03-01");

        // saying they are a minor for longer is theirs to say (a refusal: no parent needed)
        put(own, subject, "community-membership", "{\"granted\":false,\"noticeVersion\":\"1.0\",\"source\":\"web\","
                + "\"birthDate\":\"2012-06-30\"}").statusCode(200);
        assertThat(consentAgeOn(subject)).isEqualTo("2027-06-30");
        // the calling system that checks the age ends it
        put(TestTokens.service(), subject, "newsletter", "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\","
                + "\"minor\":false}").statusCode(200).body("status", equalTo("GRANTED"));
        ConsentApi.decision(subject, "newsletter").body("allowed", equalTo(true)).body("reason", equalTo("CONSENT_GIVEN"));
    }

    private String consentAgeOn(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager
                .createNativeQuery("select consent_age_on from subject_minor where subject_id = ?1").setParameter(1, subject)
                .getSingleResult()));
    }

    @Test
    void badStatementsAre400AndOnlyACallingSystemRecordsAParentsConsent() {
        String subject = ConsentResourceTest.subject();
        String other = ConsentResourceTest.subject();
        clock.set(Instant.parse("2026-11-28T10:00:00Z"));
        String parent = ",\"parentalConsent\":{\"holder\":\"" + HOLDER + "\"}";
        // the child's own token proves nothing about a parent
        put(TestTokens.dataSubject(subject), subject, "newsletter", grant("web", "2015-01-01", parent)).statusCode(400)
                .contentType(ConsentApi.PROBLEM).body("errors.field", hasItem("parentalConsent"));
        // a parent's consent goes with a grant of a consent purpose
        put(TestTokens.service(), subject, "newsletter", grant("api", "2015-01-01", parent).replace("true", "false"))
                .statusCode(400).body("errors.field", hasItem("parentalConsent"));
        put(TestTokens.service(), subject, "fraud-prevention", grant("api", "2015-01-01", parent)).statusCode(400)
                .body("errors.field", hasItem("parentalConsent"));
        put(TestTokens.service(), subject, "newsletter", grant("api", "2015-01-01",
                ",\"parentalConsent\":{\"holder\":\"" + subject + "\"}")).statusCode(400)
                .body("errors.field", hasItem("parentalConsent.holder"));
        // a reference, not a name
        put(TestTokens.service(), subject, "newsletter", grant("api", "2015-01-01",
                ",\"parentalConsent\":{\"holder\":\"Jeanne Dupont\"}")).statusCode(400)
                .body("errors.field", hasItem("parentalConsent.holder"));
        put(TestTokens.service(), subject, "newsletter", grant("api", "2015-01-01", ",\"parentalConsent\":{}"))
                .statusCode(400).body("errors.field", hasItem("parentalConsent.holder"));
        // tomorrow in Paris is not a birth date; today is
        put(TestTokens.service(), subject, "newsletter", grant("api", "2026-11-29", parent)).statusCode(400)
                .body("errors.field", hasItem("birthDate"));
        put(TestTokens.service(), subject, "newsletter", grant("api", "1899-12-31", parent)).statusCode(400)
                .body("errors.field", hasItem("birthDate"));
        put(TestTokens.service(), subject, "newsletter", grant("api", "28/02/2012", parent)).statusCode(400)
                .body("errors.field", hasItem("birthDate"));
        put(TestTokens.service(), subject, "newsletter", grant("api", "2015-01-01", ",\"minor\":true" + parent))
                .statusCode(400).body("errors.field", hasItem("minor"));
        assertNothingKept(subject);

        // no token, another subject's token
        given().contentType(ContentType.JSON).body(grant("api", "2015-01-01", parent)).when()
                .put("/subjects/{s}/consents/newsletter", subject).then().statusCode(401).contentType(ConsentApi.PROBLEM);
        put(TestTokens.dataSubject(other), subject, "newsletter", grant("web", "2015-01-01", "")).statusCode(403)
                .contentType(ConsentApi.PROBLEM);
        assertNothingKept(subject);

        put(TestTokens.service(), subject, "newsletter", grant("api", "2026-11-28", parent)).statusCode(200);
    }

    @Test
    void erasureForgetsThatTheSubjectIsAMinorAndKeepsTheParentsReferenceAsProof() {
        String subject = ConsentResourceTest.subject();
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
        put(TestTokens.service(), subject, "newsletter", grant("api", "2016-02-29",
                ",\"parentalConsent\":{\"holder\":\"" + HOLDER + "\"}")).statusCode(200);
        assertThat(minorRows(subject)).isOne();

        events.send(Topics.RIGHTS, "ErasureRequested", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"requestedAt\":\"2026-03-01T11:00:00Z\"}");
        CloudEvent completed = events.await(subject, "ErasureCompleted");
        assertThat(completed.data().path("erased").findValues("category").stream().map(c -> c.asText()).toList())
                .contains("minor-status");
        assertThat(completed.data().path("erased").get(3).path("category").asText()).isEqualTo("minor-status");
        assertThat(completed.data().path("erased").get(3).path("count").asLong()).isOne();
        assertThat(minorRows(subject)).isZero();
        ConsentApi.decision(subject, "newsletter").body("reason", equalTo("NO_CONSENT"));
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", subject).then()
                .body("", hasSize(1)).body("[0].parentalConsentHolder", equalTo(HOLDER))
                .body(org.hamcrest.Matchers.not(containsString(subject)));
    }

    private static String grant(String source, String birthDate, String more) {
        return "{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"" + source + "\",\"birthDate\":\"" + birthDate
                + "\"" + more + "}";
    }

    private void assertNothingKept(String subject) {
        assertThat(minorRows(subject)).isZero();
        given().auth().oauth2(TestTokens.dpo()).when().get("/subjects/{s}/consents/history", subject).then()
                .statusCode(200).body("", hasSize(0));
        assertThat(events.eventsFor(subject)).isEmpty();
    }

    private long minorRows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from subject_minor where subject_id = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }

    private static String tokenWithBirthdate(String subject, String birthdate) {
        return Jwt.claims().subject(subject).preferredUserName(subject).issuer(TestTokens.ISSUER)
                .audience("https://service.example.com").claim("realm_access", Map.of("roles", List.of("data-subject")))
                .claim("birthdate", birthdate).expiresIn(600).jws().keyId("1").sign("privateKey.jwk");
    }

    private static ValidatableResponse put(String token, String subject, String purpose, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .put("/subjects/{s}/consents/{p}", subject, purpose).then();
    }

    private static ValidatableResponse batch(String purpose, String subject) {
        return given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON)
                .body("{\"purposeId\":\"" + purpose + "\",\"subjectIds\":[\"" + subject + "\"]}").when().post("/decisions")
                .then().statusCode(200);
    }
}
