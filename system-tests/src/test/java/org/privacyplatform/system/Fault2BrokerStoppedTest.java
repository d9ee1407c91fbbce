package org.privacyplatform.system;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Fault: the broker stops for 30 s during a burst, then starts again. */
class Fault2BrokerStoppedTest {

    @Test
    void everyAcknowledgedChangeReachesTheAuditLogExactlyOnce() throws Exception {
        List<String> subjects = Drill.burst("fault-broker", 60, 10, 150, () -> {
            Drill.platform("stop", "kafka");
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Drill.platform("up");
        });
        Drill.assertEveryChangeOnceInTheAuditLog(subjects, 10);
    }
}
