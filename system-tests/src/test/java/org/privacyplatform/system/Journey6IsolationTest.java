package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.BOB;
import static org.privacyplatform.system.Platform.CONSENT;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/** Journey 6: isolation. alice tries every subject-scoped endpoint of every service with bob's id. */
class Journey6IsolationTest {

    @Test
    void aliceIsRefusedEverythingOfBobsAndSeesNothingOfIt() {
        Platform.decide("bob", BOB, "community-membership", true);
        String bobsRequest = Platform.fileAndVerify("bob", BOB, "ACCESS", null);

        refused(as("alice").get(CONSENT + "/subjects/{s}/consents", BOB), bobsRequest);
        refused(as("alice").get(CONSENT + "/subjects/{s}/consents/history", BOB), bobsRequest);
        refused(as("alice").get(CONSENT + "/subjects/{s}/decisions/newsletter", BOB), bobsRequest);
        refused(as("alice").body("{\"granted\":false,\"noticeVersion\":\"1.0\",\"source\":\"web\"}")
                .put(CONSENT + "/subjects/{s}/consents/community-membership", BOB), bobsRequest);
        refused(as("alice").get(RETENTION + "/subjects/{s}/schedule", BOB), bobsRequest);
        refused(as("alice").body("{\"category\":\"prospect\",\"system\":\"x\",\"reference\":\"y\",\"anchorDate\":\"2026-01-01\"}")
                .post(RETENTION + "/subjects/{s}/holdings", BOB), bobsRequest);
        refused(as("alice").get(RIGHTS + "/subjects/{s}/requests", BOB), bobsRequest);
        refused(as("alice").body("{\"subjectId\":\"" + BOB + "\",\"type\":\"ERASURE\"}").post(RIGHTS + "/requests"), bobsRequest);
        // asked by request id, the answer may echo the id alice sent, and nothing else of bob's
        refused(as("alice").get(RIGHTS + "/requests/{id}", bobsRequest), BOB);
        refused(as("alice").get(RIGHTS + "/requests/{id}/export", bobsRequest), BOB);
        refused(as("alice").get(AUDIT + "/audit/events?subjectId=" + BOB), bobsRequest);
        refused(as("alice").get(AUDIT + "/audit/subjects/{s}/evidence", BOB), bobsRequest);

        // and bob's consent is untouched
        assertThat(Platform.decision(BOB, "community-membership").allowed()).isTrue();
    }

    /** Refused as problem+json, holding nothing of bob's beyond what alice sent: not {@code notSent}, no data. */
    private static void refused(Response response, String notSent) {
        assertThat(response.statusCode()).as("%s", response.asString()).isIn(403, 404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String body = response.asString();
        assertThat(body).doesNotContain(notSent).doesNotContain("GRANTED").doesNotContain("noticeVersion")
                .doesNotContain("holdingId").doesNotContain("canonical").doesNotContain("receivedAt");
    }
}
