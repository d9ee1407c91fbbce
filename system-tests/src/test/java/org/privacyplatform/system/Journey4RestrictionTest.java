package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.BOB;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** Journey 4: restriction. */
class Journey4RestrictionTest {

    @Test
    void aRestrictionAllowsStorageOnlyAndLiftingItRestoresTheEarlierAnswers() {
        Platform.decide("bob", BOB, "community-membership", true);
        assertThat(Platform.decision(BOB, "community-membership").allowed()).isTrue();
        assertThat(Platform.decision(BOB, "training-access").allowed()).isTrue();

        String request = Platform.fileAndVerify("bob", BOB, "RESTRICTION", "{\"ground\":\"accuracy contested\"}");
        Platform.eventually().untilAsserted(() -> {
            Platform.ConsentDecision restricted = Platform.decision(BOB, "training-access");
            assertThat(restricted.allowed()).as("step 1: decision while restricted").isFalse();
            assertThat(restricted.storageOnly()).isTrue();
            assertThat(restricted.reason()).isEqualTo("RESTRICTED");
        });
        assertThat(Platform.decision(BOB, "community-membership").storageOnly()).isTrue();

        as("dora").body("{\"subjectInformedAt\":\"" + OffsetDateTime.now().minusMinutes(5) + "\"}").when()
                .post(RIGHTS + "/requests/{id}/lift-restriction", request).then().statusCode(200);
        Platform.eventually().untilAsserted(() -> {
            assertThat(Platform.decision(BOB, "training-access").reason()).as("step 2: after lifting").isEqualTo("CONTRACT");
            assertThat(Platform.decision(BOB, "community-membership").reason()).isEqualTo("CONSENT_GIVEN");
        });
    }
}
