package org.privacyplatform.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * cosignature/v1 as c2sp.org/tlog-cosignature writes it, checked with hand-built bytes and the JDK's Ed25519 only,
 * so that a misreading of the spec in {@link Cosignature} is not mirrored by its test.
 */
class CosignatureTest {

    private static final String WITNESS = "witness.example.com/w1";
    /** The spec's example checkpoint text. */
    private static final String BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private final Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
    private final Ed25519Keys keys = new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());

    @Test
    void theSignedMessageIsTheSpecsExample() {
        assertThat(new String(Cosignature.signedMessage(BODY, 1679315147L), StandardCharsets.UTF_8)).isEqualTo("""
                cosignature/v1
                time 1679315147
                example.com/behind-the-sofa
                20852163
                CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
                """);
    }

    @Test
    void aCosignatureLineIsKeyIdTimestampAndSignatureOverTheSpecsMessage() throws Exception {
        String line = Cosignature.sign(BODY, WITNESS, keys, 1679315147L);

        assertThat(line).startsWith("\u2014 " + WITNESS + " ");
        byte[] bytes = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        assertThat(bytes).hasSize(4 + 8 + 64);
        // key ID = SHA-256(name || "\n" || 0x04 || public key)[:4], computed here by hand
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((WITNESS + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x04);
        sha.update(keys.publicKeyRaw());
        byte[] expectedKeyId = Arrays.copyOf(sha.digest(), 4);
        assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(expectedKeyId);
        assertThat(Cosignature.keyId(WITNESS, keys.publicKeyRaw())).isEqualTo(HexFormat.of().formatHex(expectedKeyId));
        assertThat(ByteBuffer.wrap(bytes, 4, 8).getLong()).isEqualTo(1679315147L);
        // the signature verifies with the JDK over the message written out by hand
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(HexFormat.of().parseHex("302a300506032b6570032100"), keys.publicKeyRaw()))));
        verifier.update(("cosignature/v1\ntime 1679315147\n" + BODY).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Arrays.copyOfRange(bytes, 12, 76))).isTrue();
    }

    @Test
    void verifyFindsTheWitnessLineAndIgnoresOthers() {
        Ed25519Keys.Encoded logKey = Ed25519Keys.generate();
        Ed25519Keys log = new Ed25519Keys(logKey.base64Seed(), logKey.base64Public());
        String note = SignedNote.sign(BODY, "example.com/behind-the-sofa", log).noteText()
                + Cosignature.sign(BODY, WITNESS, keys, 1700000000L) + "\n";

        var found = Cosignature.verify(note, WITNESS, keys.publicKeyRaw());

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.timestamp()).isEqualTo(1700000000L);
            assertThat(c.keyId()).isEqualTo(Cosignature.keyId(WITNESS, keys.publicKeyRaw()));
            assertThat(Base64.getDecoder().decode(c.signature())).hasSize(64);
        });
        // the log's own signature (type 0x01 key ID) is not a cosignature, even under the witness's name
        assertThat(Cosignature.verify(note, "example.com/behind-the-sofa", log.publicKeyRaw())).isEmpty();
        // another witness key: nothing
        Ed25519Keys.Encoded other = Ed25519Keys.generate();
        assertThat(Cosignature.verify(note, WITNESS, Base64.getDecoder().decode(other.base64Public()))).isEmpty();
    }

    @Test
    void aCosignatureOverAnotherCheckpointOrTimeFails() {
        String line = Cosignature.sign(BODY, WITNESS, keys, 1700000000L);
        String otherBody = BODY.replace("20852163", "20852164");
        assertThatThrownBy(() -> Cosignature.verify(otherBody, SignedNote.parse(otherBody + "\n" + line + "\n").signatures(),
                WITNESS, keys.publicKeyRaw())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not verify");
        byte[] bytes = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        bytes[11] ^= 1; // the timestamp's last byte
        String changedTime = "\u2014 " + WITNESS + " " + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> Cosignature.verify(BODY + "\n" + changedTime + "\n", WITNESS, keys.publicKeyRaw()))
                .hasMessageContaining("does not verify");
    }

    @Test
    void verifierKeysAreGoSumdbNoteKeys() {
        // golang.org/x/mod/sumdb/note's example verifier key
        String vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

        SignedNote.VerifierKey parsed = SignedNote.parseVerifierKey(vkey);

        assertThat(parsed.keyName()).isEqualTo("PeterNeumann");
        assertThat(parsed.encoded()).isEqualTo(vkey);
        assertThatThrownBy(() -> SignedNote.parseVerifierKey(vkey.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("key ID");
        assertThatThrownBy(() -> SignedNote.parseVerifierKey("PeterNeumann+c74f20a3")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
