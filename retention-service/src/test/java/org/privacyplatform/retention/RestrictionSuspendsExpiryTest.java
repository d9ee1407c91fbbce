package org.privacyplatform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.events.Topics;
import org.privacyplatform.commons.testing.EventProbe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Art. 18: while a subject's processing is restricted their data must be kept, so none of their holdings expires,
 * even past its due date; once the restriction is lifted, what fell due expires at the next sweep. Over the real
 * broker, from the rights-request service's events.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RestrictionSuspendsExpiryTest {

    private static EventProbe events;

    @BeforeAll
    static void watch() {
        events = new EventProbe(Topics.RETENTION);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void aRestrictedSubjectsHoldingsDoNotExpireUntilTheRestrictionIsLifted() {
        String subject = RetentionApi.subject();
        String neighbour = RetentionApi.subject();
        // prospects are kept 3 years from the last contact: both fell due on 2023-01-05
        RetentionApi.register(subject, "prospect", "2020-01-05").statusCode(201).body("dueOn", equalTo("2023-01-05"))
                .body("restricted", equalTo(false));
        RetentionApi.register(neighbour, "prospect", "2020-01-05").statusCode(201);
        String requestId = UUID.randomUUID().toString();

        events.send(Topics.RIGHTS, "ProcessingRestricted", subject, "{\"requestId\":\"" + requestId + "\",\"subjectId\":\""
                + subject + "\",\"restrictedAt\":\"2026-11-27T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(subject)
                .body("[0].restricted", equalTo(true)));

        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("HELD")).body("[0].dueOn", equalTo("2023-01-05"));
        RetentionApi.schedule(neighbour).body("[0].status", equalTo("EXPIRED")).body("[0].restricted", equalTo(false));
        // another restriction of the same subject (a second request) changes nothing but its reference
        events.send(Topics.RIGHTS, "ProcessingRestricted", subject, "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"subjectId\":\"" + subject + "\",\"restrictedAt\":\"2026-11-27T11:00:00Z\"}");

        events.send(Topics.RIGHTS, "RestrictionLifted", subject, "{\"requestId\":\"" + requestId + "\",\"subjectId\":\""
                + subject + "\",\"subjectInformedAt\":\"2026-11-27T12:00:00Z\",\"liftedAt\":\"2026-11-27T12:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RetentionApi.schedule(subject)
                .body("[0].restricted", equalTo(false)));
        RetentionApi.sweep();
        RetentionApi.schedule(subject).body("[0].status", equalTo("EXPIRED"));
        assertThat(events.await(subject, "RetentionExpired").data().path("category").asText()).isEqualTo("prospect");
    }
}
