package org.privacyplatform.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.privacyplatform.witness.service.Witness;

/** witness.logs entries: '<origin> <verifier key>', refused at start with a message naming what is wrong. */
class TrustedLogConfigurationTest {

    private static final String VKEY = "privacy-platform.local/audit+9064de8e+AVqdU5sAA9Oz0OQBWU3Xidh5eVuXO6MGQjVy/S9ZKkqf";

    @Test
    void anEntryIsTheOriginAndTheLogsVerifierKey() {
        Witness.TrustedLog log = Witness.parseLog(" example.com/log  " + VKEY);

        assertThat(log.origin()).isEqualTo("example.com/log");
        assertThat(log.key().keyName()).isEqualTo("privacy-platform.local/audit");
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> Witness.parseLog(VKEY)).hasMessageContaining("'<origin> <verifier key>'");
        assertThatThrownBy(() -> Witness.parseLog("example.com/log " + VKEY.replace("9064de8e", "9064de8f")))
                .hasMessageContaining("key ID");
        assertThatThrownBy(() -> Witness.parseLog("example.com/log example.com/log+12345678+AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
