package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.ALICE;
import static org.privacyplatform.system.Platform.BOB;
import static org.privacyplatform.system.Platform.RETENTION;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Journey 5: access. */
class Journey5AccessTest {

    @Test
    void alicesExportHoldsWhatEveryServiceHoldsOnHerAndNothingOnBob() {
        // alice may have been erased by an earlier run on these databases (Journey 9): what follows her erasure is hers
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        Platform.decide("alice", ALICE, "community-membership", false);
        Platform.decide("alice", ALICE, "community-membership", true);
        String reference = "crm-" + UUID.randomUUID();
        as("service").body("{\"category\":\"prospect\",\"system\":\"crm\",\"reference\":\"" + reference
                + "\",\"anchorDate\":\"2026-01-15\"}").when().post(RETENTION + "/subjects/{s}/holdings", ALICE).then()
                .statusCode(201);
        String granted = Journey1ConsentToProofTest.latestSince(ALICE, "ConsentGranted", start);

        String request = Platform.fileAndVerify("alice", ALICE, "ACCESS", null);
        String body = as("alice").when().get(RIGHTS + "/requests/{id}/export", request).then().statusCode(200).extract()
                .asString();
        JsonPath export = JsonPath.from(body);

        assertThat(export.getString("subjectId")).isEqualTo(ALICE);
        assertThat(export.getInt("copy")).isEqualTo(1);
        assertThat(export.getString("consents.find { it.purposeId == 'community-membership' }.status")).isEqualTo("GRANTED");
        assertThat(export.getList("consentHistory")).isNotEmpty();
        assertThat(export.getList("holdings.reference")).contains(reference);
        assertThat(export.getList("auditEvents.id")).contains(granted);
        // her events, and (after an earlier erasure) those the log keeps under her pseudonym, e.g. EvidenceShredded
        String pseudonym = as("audrey").when().get(Platform.AUDIT + "/audit/subjects/{s}/evidence", ALICE).then()
                .statusCode(200).extract().path("subjectPseudonym");
        assertThat(export.getList("auditEvents.subject")).isSubsetOf(ALICE, pseudonym);
        assertThat(export.getList("requests.id")).contains(request);
        assertThat(body).as("nothing of bob's").doesNotContain(BOB);
    }
}
