package org.privacyplatform.system;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Fault: kill -9 the consent service during a burst of 1,000 consent changes. */
class Fault1ConsentServiceKilledTest {

    @Test
    void everyAcknowledgedChangeReachesTheAuditLogExactlyOnce() throws Exception {
        List<String> subjects = Drill.burst("fault-kill-consent", 100, 10, 300, () -> {
            Drill.platform("kill", "consent-service");
            Drill.platform("up");
        });
        Drill.assertEveryChangeOnceInTheAuditLog(subjects, 10);
    }
}
