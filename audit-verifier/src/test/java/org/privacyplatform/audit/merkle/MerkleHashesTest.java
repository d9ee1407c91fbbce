package org.privacyplatform.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MerkleHashesTest {

    @Test
    void emptyRootIsSha256OfTheEmptyString() {
        assertThat(MerkleHashes.toHex(MerkleHashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void leafHashOfTheEmptyLeafIsSha256OfTheZeroPrefix() {
        assertThat(MerkleHashes.toHex(MerkleHashes.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        byte[] left = MerkleHashes.leafHash("a".getBytes(StandardCharsets.UTF_8));
        byte[] right = MerkleHashes.leafHash("b".getBytes(StandardCharsets.UTF_8));
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);

        // the same 64 bytes hashed as a leaf must not collide with the interior node over them
        assertThat(MerkleHashes.leafHash(concatenated)).isNotEqualTo(MerkleHashes.nodeHash(left, right));
    }

    @Test
    void hexRoundTripsAndIsLowercase() {
        byte[] bytes = {0x00, (byte) 0xab, 0x7f, (byte) 0xff};

        assertThat(MerkleHashes.toHex(bytes)).isEqualTo("00ab7fff");
        assertThat(MerkleHashes.fromHex("00AB7fff")).isEqualTo(bytes);
    }

    @Test
    void rejectsMalformedHexAndShortHashes() {
        assertThatThrownBy(() -> MerkleHashes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleHashes.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleHashes.nodeHash(new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
