package org.privacyplatform.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.as;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Fault: kill -9 the audit service mid-stream and restart it. */
class Fault3AuditServiceKilledTest {

    @Test
    void noGapNoDuplicateLeafAndVerifyIsClean() throws Exception {
        List<String> subjects = Drill.burst("fault-kill-audit", 50, 6, 100, () -> {
            Drill.platform("kill", "audit-service");
            Drill.platform("up");
        });
        Drill.assertEveryChangeOnceInTheAuditLog(subjects, 6);
        as("audrey").when().get(AUDIT + "/audit/checkpoint").then().statusCode(200);
        as("audrey").when().post(AUDIT + "/audit/verify").then().statusCode(200).body("valid", equalTo(true))
                .body("firstMismatch", nullValue());
    }
}
