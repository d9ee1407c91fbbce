package org.privacyplatform.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** audit.witnesses entries: '<name> <url> <base64 key>', refused at start with a message naming what is wrong. */
class WitnessConfigurationTest {

    private static final String KEY = "R3vI81fyiUa9dhscYob3ohZiemjY0XpPAeAugmzBgwY=";

    @Test
    void anEntryIsNameUrlAndKey() {
        Witnesses.Witness witness = Witnesses.parse("  example.com/witness   https://witness.example/w1/ " + KEY + " ");

        assertThat(witness.name()).isEqualTo("example.com/witness");
        assertThat(witness.url()).isEqualTo("https://witness.example/w1");
        assertThat(witness.publicKeyBase64()).isEqualTo(KEY);
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> Witnesses.parse("example.com/witness https://witness.example"))
                .hasMessageContaining("'<name> <url> <base64 public key>'");
        assertThatThrownBy(() -> Witnesses.parse("example.com/witness https://witness.example not-base64!"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> Witnesses.parse("example.com/witness https://witness.example AAAA"))
                .hasMessageContaining("not 32 bytes");
        assertThatThrownBy(() -> Witnesses.parse("example.com/witness ftp://witness.example " + KEY))
                .hasMessageContaining("not http(s)");
        assertThatThrownBy(() -> Witnesses.parse("a+b https://witness.example " + KEY))
                .hasMessageContaining("invalid key name");
    }
}
