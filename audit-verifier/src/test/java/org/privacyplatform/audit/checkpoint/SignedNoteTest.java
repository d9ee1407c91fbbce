package org.privacyplatform.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.privacyplatform.audit.merkle.MerkleHashes;

class SignedNoteTest {

    private static final String ORIGIN = "audit.privacyplatform.example/log";

    private final Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
    private final Ed25519Keys keys = new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());
    private final byte[] root = MerkleHashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void checkpointBodyIsOriginSizeAndBase64Root() {
        assertThat(SignedNote.checkpointBody(ORIGIN, 8, root)).isEqualTo(
                ORIGIN + "\n8\n" + Base64.getEncoder().encodeToString(root) + "\n");
    }

    @Test
    void signAndVerifyRoundTrip() {
        String body = SignedNote.checkpointBody(ORIGIN, 8, root);

        SignedNote.Signed signed = SignedNote.sign(body, ORIGIN, keys);

        assertThat(signed.body()).isEqualTo(body);
        assertThat(signed.noteText()).startsWith(body + "\n\u2014 " + ORIGIN + " ").endsWith("\n");
        assertThat(Base64.getDecoder().decode(signed.signature())).hasSize(64);
        assertThat(SignedNote.verify(signed.noteText(), ORIGIN, keys.publicKeyRaw())).isEqualTo(body);
    }

    @Test
    void keyIdIsEightHexCharactersAndPrefixesTheSignature() {
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(ORIGIN, 1, root), ORIGIN, keys);
        String line = signed.noteText().substring(signed.noteText().indexOf('\u2014'));
        byte[] keyIdAndSignature = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());

        assertThat(signed.keyId()).matches("[0-9a-f]{8}").isEqualTo(SignedNote.keyId(ORIGIN, keys.publicKeyRaw()));
        assertThat(keyIdAndSignature).hasSize(68);
        assertThat(MerkleHashes.toHex(Arrays.copyOf(keyIdAndSignature, 4))).isEqualTo(signed.keyId());
        assertThat(Base64.getEncoder().encodeToString(Arrays.copyOfRange(keyIdAndSignature, 4, 68)))
                .isEqualTo(signed.signature());
    }

    @Test
    void aChangedBodyFails() {
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(ORIGIN, 8, root), ORIGIN, keys);
        String changed = signed.noteText().replaceFirst("\n8\n", "\n9\n");

        assertThatThrownBy(() -> SignedNote.verify(changed, ORIGIN, keys.publicKeyRaw()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aChangedSignatureByteFails() {
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(ORIGIN, 8, root), ORIGIN, keys);
        byte[] signature = Base64.getDecoder().decode(signed.signature());
        byte[] keyIdAndSignature = new byte[68];
        System.arraycopy(MerkleHashes.fromHex(signed.keyId()), 0, keyIdAndSignature, 0, 4);
        System.arraycopy(signature, 0, keyIdAndSignature, 4, 64);
        keyIdAndSignature[40] ^= 0x01;
        String tampered = signed.body() + "\n\u2014 " + ORIGIN + " " + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";

        assertThatThrownBy(() -> SignedNote.verify(tampered, ORIGIN, keys.publicKeyRaw()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aWrongKeyOrKeyNameFails() {
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(ORIGIN, 8, root), ORIGIN, keys);
        Ed25519Keys.Encoded other = Ed25519Keys.generate();
        byte[] otherPublic = Base64.getDecoder().decode(other.base64Public());

        // another key has another key ID, so the note holds no signature from it at all
        assertThatThrownBy(() -> SignedNote.verify(signed.noteText(), ORIGIN, otherPublic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signature by " + ORIGIN);
        assertThatThrownBy(() -> SignedNote.verify(signed.noteText(), "other.example/log", keys.publicKeyRaw()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signature by other.example/log");
    }

    @Test
    void signaturesFromOtherKeysAreIgnored() {
        String body = SignedNote.checkpointBody(ORIGIN, 8, root);
        Ed25519Keys.Encoded witnessEncoded = Ed25519Keys.generate();
        Ed25519Keys witness = new Ed25519Keys(witnessEncoded.base64Seed(), witnessEncoded.base64Public());
        String witnessLine = signatureLine(SignedNote.sign(body, "witness.example", witness).noteText());
        String ours = SignedNote.sign(body, ORIGIN, keys).noteText();

        // a cosigned note: our signature line plus a witness's, in either order
        assertThat(SignedNote.verify(ours + witnessLine, ORIGIN, keys.publicKeyRaw())).isEqualTo(body);
        assertThat(SignedNote.verify(body + "\n" + witnessLine + signatureLine(ours), ORIGIN, keys.publicKeyRaw()))
                .isEqualTo(body);
        assertThat(SignedNote.verify(ours + witnessLine, "witness.example", witness.publicKeyRaw())).isEqualTo(body);
    }

    @Test
    void malformedNotesAreRejected() {
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(ORIGIN, 8, root), ORIGIN, keys);
        String note = signed.noteText();
        byte[] publicKey = keys.publicKeyRaw();

        assertThatThrownBy(() -> SignedNote.verify(note.replace("\u2014", "-"), ORIGIN, publicKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("em dash");
        assertThatThrownBy(() -> SignedNote.verify(note.replace("\n\n", "\n"), ORIGIN, publicKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.verify(note.strip(), ORIGIN, publicKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newline");
        assertThatThrownBy(() -> SignedNote.verify(signed.body() + "\n", ORIGIN, publicKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signature lines");
        assertThatThrownBy(() -> SignedNote.verify(note.replace("\n8\n", "\n8\r\n"), ORIGIN, publicKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
    }

    @Test
    void signingRejectsInvalidTextsAndKeyNames() {
        assertThatThrownBy(() -> SignedNote.sign("no final newline", ORIGIN, keys)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("tab\there\n", ORIGIN, keys)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("text\n", "has space", keys)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("text\n", "has+plus", keys)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.checkpointBody("two\nlines", 1, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.checkpointBody(ORIGIN, -1, root)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.checkpointBody(ORIGIN, 1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The reference vector of Go's golang.org/x/mod/sumdb/note (the implementation the C2SP spec grew from).
     * Ed25519 is deterministic, so matching it byte for byte means Go-ecosystem verifiers accept our notes.
     */
    @Test
    void reproducesTheGoSumdbNoteVector() {
        // Go key strings: base64(0x01 type byte || 32 raw bytes); keep the raw bytes
        String seed = stripTypeByte("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        String publicKey = stripTypeByte("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        String text = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n";
        String expected = text + "\n\u2014 PeterNeumann "
                + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        Ed25519Keys peter = new Ed25519Keys(seed, publicKey);

        SignedNote.Signed signed = SignedNote.sign(text, "PeterNeumann", peter);

        assertThat(signed.keyId()).isEqualTo("c74f20a3");
        assertThat(signed.noteText()).isEqualTo(expected);
        assertThat(SignedNote.verify(expected, "PeterNeumann", peter.publicKeyRaw())).isEqualTo(text);
        assertThatThrownBy(() -> SignedNote.verify(expected.replace("cryptography", "cryptographY"), "PeterNeumann",
                peter.publicKeyRaw())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String signatureLine(String noteText) {
        return noteText.substring(noteText.lastIndexOf("\n\n") + 2);
    }

    private static String stripTypeByte(String base64) {
        byte[] typed = Base64.getDecoder().decode(base64);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(typed, 1, typed.length));
    }
}
