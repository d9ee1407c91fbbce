package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.CONSENT;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.privacyplatform.consent.client.ConsentClient;
import org.privacyplatform.consent.client.Decision;

/**
 * Two instances of a calling system (lms) embed consent-client: a withdrawal made elsewhere reaches both, each
 * through its own reading of consent.events, long before their maximum age; a restriction through rights.events.
 */
class Journey7ConsentClientTest {

    @Test
    void aWithdrawalAndARestrictionReachBothInstancesThroughTheTopics() {
        try (ConsentClient first = client(); ConsentClient second = client()) {
            Platform.eventually().until(() -> first.caching() && second.caching());
            String subject = "client-" + UUID.randomUUID();
            record(subject, true);
            assertThat(first.allowed(subject, "newsletter")).isTrue();
            assertThat(second.allowed(subject, "newsletter")).isTrue();
            // both now answer from memory; the withdrawal is made through the API, by another system
            record(subject, false);
            Platform.eventually().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(first.allowed(subject, "newsletter")).isFalse();
                assertThat(second.allowed(subject, "newsletter")).isFalse();
            });
            assertThat(first.decision(subject, "newsletter").reason()).isEqualTo("CONSENT_WITHDRAWN");

            // batched: many subjects in one call, then a restriction of one of them (rights.events)
            String other = "client-" + UUID.randomUUID();
            record(other, true);
            record(subject, true);
            // (the client held the withdrawal: the new grant reaches it through consent.events, like the withdrawal)
            Platform.eventually().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Map<String, Decision> both = first.decisions("newsletter", List.of(subject, other));
                assertThat(both.get(subject).allowed()).isTrue();
                assertThat(both.get(other).allowed()).isTrue();
            });
            String request = Platform.as("dora").body("{\"subjectId\":\"" + other + "\",\"type\":\"RESTRICTION\","
                    + "\"details\":{\"ground\":\"accuracy contested\"}}").when().post(Platform.RIGHTS + "/requests").then()
                    .statusCode(201).extract().path("id");
            Platform.as("dora").when().post(Platform.RIGHTS + "/requests/{id}/verify-identity", request).then().statusCode(200);
            Platform.eventually().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(first.decision(other, "newsletter").reason()).isEqualTo("RESTRICTED"));
            assertThat(first.allowed(subject, "newsletter")).isTrue();
        }
    }

    @Test
    void strictModeAsksTheServiceEveryTimeAndAnUnreachableServiceMeansNo() {
        String subject = "client-" + UUID.randomUUID();
        record(subject, true);
        try (ConsentClient strict = ConsentClient.builder().baseUri(URI.create(CONSENT))
                .tokens(() -> Platform.token("service")).strict(true).build()) {
            assertThat(strict.allowed(subject, "newsletter")).isTrue();
            record(subject, false);
            assertThat(strict.allowed(subject, "newsletter")).isFalse();
        }
        try (ConsentClient nowhere = ConsentClient.builder().baseUri(URI.create("http://127.0.0.1:1"))
                .tokens(() -> Platform.token("service")).strict(true).timeout(Duration.ofSeconds(1)).build()) {
            assertThat(nowhere.allowed(subject, "newsletter")).isFalse();
        }
    }

    private static ConsentClient client() {
        return ConsentClient.builder().baseUri(URI.create(CONSENT)).tokens(() -> Platform.token("service"))
                .kafka(Platform.kafkaClient("lms")).maxAge(Duration.ofMinutes(5)).build();
    }

    private static void record(String subject, boolean granted) {
        Platform.as("service:crm").body("{\"granted\":" + granted + ",\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                .put(CONSENT + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
    }
}
