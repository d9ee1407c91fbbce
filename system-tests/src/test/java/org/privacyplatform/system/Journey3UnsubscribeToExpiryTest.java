package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.privacyplatform.system.Platform.BOB;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Journey 3: unsubscribe to expiry. */
class Journey3UnsubscribeToExpiryTest {

    @Test
    void bobUnsubscribesAndHisNewsletterHoldingExpiresIntoTheAuditLog() {
        String reference = "newsletter-subscription-" + UUID.randomUUID();
        Platform.decide("bob", BOB, "newsletter", true);
        // no unsubscribe yet: the rule's backstop (3 years after the last contact, here the registration) bounds it
        var registered = as("service").body("{\"category\":\"newsletter\",\"system\":\"mailer\",\"reference\":\"" + reference + "\"}")
                .when().post(RETENTION + "/subjects/{s}/holdings", BOB).then().statusCode(201).extract().jsonPath();
        String holdingId = registered.getString("holdingId");
        assertThat(java.time.LocalDate.parse(registered.getString("dueOn")))
                .isBetween(java.time.LocalDate.now().plusYears(3).minusDays(1), java.time.LocalDate.now().plusYears(3).plusDays(1));

        Platform.decide("bob", BOB, "newsletter", false);

        // the retention service hears of the withdrawal; a sweep then expires the holding
        Platform.eventually().untilAsserted(() -> {
            as("dora").when().post(RETENTION + "/sweeps").then().statusCode(200);
            as("bob").when().get(RETENTION + "/subjects/{s}/schedule", BOB).then().statusCode(200)
                    .body("find { it.holdingId == '" + holdingId + "' }.status", equalTo("EXPIRED"));
        });
        Platform.eventually().until(() -> {
            List<Map<String, Object>> expired = Platform.auditEvents(BOB, "RetentionExpired");
            return expired.stream().anyMatch(e -> ((Map<?, ?>) e.get("event")).toString().contains(holdingId));
        });
        assertThat(Platform.decision(BOB, "newsletter").allowed()).isFalse();
    }
}
