package org.privacyplatform.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private static final byte[] MESSAGE = "checkpoint".getBytes(StandardCharsets.UTF_8);

    @Test
    void generatedKeysSignAndVerify() {
        Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
        Ed25519Keys keys = new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());

        byte[] signature = keys.sign(MESSAGE);

        assertThat(Base64.getDecoder().decode(encoded.base64Seed())).hasSize(32);
        assertThat(keys.publicKeyRaw()).isEqualTo(Base64.getDecoder().decode(encoded.base64Public())).hasSize(32);
        assertThat(signature).hasSize(64);
        assertThat(Ed25519Keys.verify(keys.publicKeyRaw(), MESSAGE, signature)).isTrue();
    }

    @Test
    void signaturesAreDeterministic() {
        Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
        Ed25519Keys keys = new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());

        assertThat(keys.sign(MESSAGE)).isEqualTo(keys.sign(MESSAGE));
    }

    @Test
    void rejectsAPublicKeyFromAnotherPair() {
        Ed25519Keys.Encoded one = Ed25519Keys.generate();
        Ed25519Keys.Encoded other = Ed25519Keys.generate();

        assertThatThrownBy(() -> new Ed25519Keys(one.base64Seed(), other.base64Public()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the public key does not match the private key");
    }

    @Test
    void rejectsMalformedConfiguration() {
        Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> new Ed25519Keys(null, encoded.base64Public()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not configured");
        assertThatThrownBy(() -> new Ed25519Keys("not base64!", encoded.base64Public()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> new Ed25519Keys(shortKey, encoded.base64Public()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new Ed25519Keys(encoded.base64Seed(), shortKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void verifyIsFalseForTamperingAndMalformedInput() {
        Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
        Ed25519Keys keys = new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());
        byte[] signature = keys.sign(MESSAGE);
        byte[] tampered = signature.clone();
        tampered[10] ^= 1;

        assertThat(Ed25519Keys.verify(keys.publicKeyRaw(), "checkpoinT".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Ed25519Keys.verify(keys.publicKeyRaw(), MESSAGE, tampered)).isFalse();
        assertThat(Ed25519Keys.verify(new byte[31], MESSAGE, signature)).isFalse();
        assertThat(Ed25519Keys.verify(keys.publicKeyRaw(), MESSAGE, new byte[63])).isFalse();
        assertThat(Ed25519Keys.verify(null, MESSAGE, signature)).isFalse();
    }

    @Test
    void neverPrintsTheSeed() {
        Ed25519Keys.Encoded encoded = Ed25519Keys.generate();

        assertThat(encoded.toString()).doesNotContain(encoded.base64Seed());
        assertThat(new Ed25519Keys(encoded.base64Seed(), encoded.base64Public()).toString())
                .doesNotContain(encoded.base64Seed());
    }
}
