package org.privacyplatform.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checkpoints as C2SP signed notes (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note).
 *
 * <p>Using the ecosystem's format rather than our own means the log's checkpoints can be checked, and
 * cosigned by witnesses, with existing tools (Go's sumdb/note, Sigsum, Tessera):
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size&gt;
 * &lt;base64 root hash&gt;
 *
 * — &lt;key name&gt; base64(key ID (4 bytes) || Ed25519 signature (64 bytes))
 * </pre>
 *
 * The signature covers the body (the text up to and including its final newline) as UTF-8; the blank line
 * only separates it from the signature lines.
 */
public final class SignedNote {

    /** U+2014 EM DASH then a space: the start of every signature line (a hyphen would not verify anywhere). */
    static final String SIGNATURE_PREFIX = "\u2014 ";
    /** Signature type identifier byte for Ed25519 in the key ID hash. */
    private static final byte ED25519_TYPE = 0x01;
    static final int KEY_ID_LENGTH = 4;
    /** Bounds parsing work on untrusted notes; the spec requires accepting at least 16 signatures. */
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {
    }

    /**
     * A signed note.
     *
     * @param body      the signed text (the checkpoint body), ending in a newline
     * @param signature the 64-byte Ed25519 signature, standard base64 (without the key ID)
     * @param keyId     the 4-byte key ID, 8 lowercase hex characters
     * @param noteText  the full note: body, blank line, signature line
     */
    public record Signed(String body, String signature, String keyId, String noteText) {
    }

    /** The checkpoint body: origin, decimal tree size, standard-base64 root hash, each ending in a newline. */
    public static String checkpointBody(String origin, long treeSize, byte[] rootHash) {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0 || hasControlCharacter(origin)) {
            throw new IllegalArgumentException(
                    "the checkpoint origin must be one non-empty line without control characters");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must be >= 0: " + treeSize);
        }
        Objects.requireNonNull(rootHash, "rootHash");
        if (rootHash.length != 32) {
            throw new IllegalArgumentException("root hash must be 32 bytes, was " + rootHash.length);
        }
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The recommended key ID: SHA-256(key name || 0x0A || 0x01 || public key)[:4], as lowercase hex. */
    public static String keyId(String keyName, byte[] rawPublicKey) {
        return HexFormat.of().formatHex(keyIdBytes(keyName, rawPublicKey));
    }

    /** Signs {@code body} with {@code keys} under {@code keyName} (by convention the checkpoint origin). */
    public static Signed sign(String body, String keyName, Ed25519Keys keys) {
        requireValidText(body);
        requireValidKeyName(keyName);
        Objects.requireNonNull(keys, "keys");
        byte[] keyId = keyIdBytes(keyName, keys.publicKeyRaw());
        byte[] signature = keys.sign(body.getBytes(StandardCharsets.UTF_8));
        byte[] keyIdAndSignature = new byte[KEY_ID_LENGTH + signature.length];
        System.arraycopy(keyId, 0, keyIdAndSignature, 0, KEY_ID_LENGTH);
        System.arraycopy(signature, 0, keyIdAndSignature, KEY_ID_LENGTH, signature.length);
        Base64.Encoder base64 = Base64.getEncoder();
        String noteText = body + "\n"
                + SIGNATURE_PREFIX + keyName + " " + base64.encodeToString(keyIdAndSignature) + "\n";
        return new Signed(body, base64.encodeToString(signature), HexFormat.of().formatHex(keyId), noteText);
    }

    /**
     * Verifies a signed note against one trusted key, as the spec requires: signatures from other keys (other
     * name or other key ID) are ignored, every signature from this key must verify, and at least one must.
     *
     * @return the verified body (note text up to and including its final newline)
     * @throws IllegalArgumentException naming what fails: the note's form, a missing signature, or a bad one
     */
    public static String verify(String noteText, String keyName, byte[] rawPublicKey) {
        requireValidKeyName(keyName);
        if (rawPublicKey == null || rawPublicKey.length != Ed25519Keys.KEY_LENGTH) {
            throw new IllegalArgumentException("the public key must be 32 bytes");
        }
        Parsed parsed = parse(noteText);
        byte[] expectedKeyId = keyIdBytes(keyName, ED25519_TYPE, rawPublicKey);
        byte[] message = parsed.body().getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (SignatureLine line : parsed.signatures()) {
            if (!line.isBy(keyName, expectedKeyId)) {
                continue; // another key's signature, e.g. a witness cosignature: not ours to judge
            }
            if (!Ed25519Keys.verify(rawPublicKey, message, line.signature())) {
                throw new IllegalArgumentException("the signature by " + keyName + " does not verify");
            }
            verified = true;
        }
        if (!verified) {
            throw new IllegalArgumentException("the note has no signature by " + keyName + " with key ID "
                    + HexFormat.of().formatHex(expectedKeyId));
        }
        return parsed.body();
    }

    /** A note split into its text and its signature lines; nothing is verified yet. */
    public record Parsed(String body, List<SignatureLine> signatures) {
    }

    /**
     * Splits a note into its text (up to and including the newline before the last blank line) and its signature
     * lines, checking only the form: UTF-8 without control characters, a final newline, at least one and at most
     * {@value #MAX_SIGNATURES} signature lines of the form {@code — <name> <base64>}.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static Parsed parse(String noteText) {
        Objects.requireNonNull(noteText, "noteText");
        if (hasControlCharacter(noteText.replace("\n", "")) || !isValidUtf8(noteText)) {
            throw new IllegalArgumentException("malformed note: it contains control characters or unpaired surrogates");
        }
        if (!noteText.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: it does not end with a newline");
        }
        // The text ends at the last blank line: the text may itself contain blank lines, signatures may not.
        int separator = noteText.lastIndexOf("\n\n");
        if (separator < 0) {
            throw new IllegalArgumentException("malformed note: no blank line before the signatures");
        }
        String body = noteText.substring(0, separator + 1);
        String[] signatureLines = noteText.substring(separator + 2).split("\n", -1);
        // split leaves one empty string after the final newline
        int lineCount = signatureLines.length - 1;
        if (lineCount < 1) {
            throw new IllegalArgumentException("malformed note: no signature lines");
        }
        if (lineCount > MAX_SIGNATURES) {
            throw new IllegalArgumentException("malformed note: more than " + MAX_SIGNATURES + " signatures");
        }
        List<SignatureLine> lines = new ArrayList<>(lineCount);
        for (String line : Arrays.asList(signatureLines).subList(0, lineCount)) {
            lines.add(SignatureLine.parse(line));
        }
        return new Parsed(body, List.copyOf(lines));
    }

    /** One signature line, split into its parts: key name, 4-byte key ID, and the signature bytes that follow. */
    public record SignatureLine(String keyName, byte[] keyId, byte[] signature) {

        /** Whether this line names this key: both the key name and the key ID must match (signed-note spec). */
        public boolean isBy(String name, byte[] expectedKeyId) {
            return keyName.equals(name) && Arrays.equals(keyId, expectedKeyId);
        }

        /** The line as it appears in a note, without its newline. */
        public String text() {
            byte[] keyIdAndSignature = Arrays.copyOf(keyId, keyId.length + signature.length);
            System.arraycopy(signature, 0, keyIdAndSignature, keyId.length, signature.length);
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(keyIdAndSignature);
        }

        /** Parses one line (without its newline). */
        public static SignatureLine parse(String line) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new IllegalArgumentException(
                        "malformed note: a signature line does not start with an em dash and a space");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
                throw new IllegalArgumentException("malformed note: a signature line is not '— <name> <signature>'");
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed note: a signature is not valid base64", e);
            }
            if (decoded.length <= KEY_ID_LENGTH) {
                throw new IllegalArgumentException("malformed note: a signature is too short");
            }
            return new SignatureLine(rest.substring(0, space), Arrays.copyOf(decoded, KEY_ID_LENGTH),
                    Arrays.copyOfRange(decoded, KEY_ID_LENGTH, decoded.length));
        }
    }

    /** A signed-note verifier key: who signs (key name), with which key, as {@code <name>+<hex key ID>+<base64(0x01 || key)>}. */
    public record VerifierKey(String keyName, byte[] publicKey) {

        /** The vkey string as Go's sumdb/note and the C2SP tools write it. */
        public String encoded() {
            return verifierKey(keyName, publicKey);
        }
    }

    /** The Ed25519 verifier key ("vkey") of a note signer: {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. */
    public static String verifierKey(String keyName, byte[] rawPublicKey) {
        byte[] typed = new byte[1 + Ed25519Keys.KEY_LENGTH];
        typed[0] = ED25519_TYPE;
        System.arraycopy(Objects.requireNonNull(rawPublicKey, "rawPublicKey"), 0, typed, 1, Ed25519Keys.KEY_LENGTH);
        return keyName + "+" + keyId(keyName, rawPublicKey) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Parses an Ed25519 verifier key ({@code <name>+<hex key ID>+<base64(0x01 || 32-byte key)>}), checking that the key ID
     * is the one the name and key give.
     */
    public static VerifierKey parseVerifierKey(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        String[] parts = vkey.strip().split("\\+", -1);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's key is not valid base64", e);
        }
        if (typed.length != 1 + Ed25519Keys.KEY_LENGTH || typed[0] != ED25519_TYPE) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (type 0x01, 32 bytes)");
        }
        byte[] publicKey = Arrays.copyOfRange(typed, 1, typed.length);
        if (!keyId(parts[0], publicKey).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's key ID does not match its name and key");
        }
        return new VerifierKey(parts[0], publicKey);
    }

    private static byte[] keyIdBytes(String keyName, byte[] rawPublicKey) {
        return keyIdBytes(keyName, ED25519_TYPE, rawPublicKey);
    }

    /** SHA-256(key name || 0x0A || signature type || public key)[:4]: the key ID of signed notes and cosignatures. */
    static byte[] keyIdBytes(String keyName, byte signatureType, byte[] rawPublicKey) {
        requireValidKeyName(keyName);
        Objects.requireNonNull(rawPublicKey, "rawPublicKey");
        if (rawPublicKey.length != Ed25519Keys.KEY_LENGTH) {
            throw new IllegalArgumentException("the public key must be 32 bytes, was " + rawPublicKey.length);
        }
        MessageDigest sha = sha256();
        sha.update(keyName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(signatureType);
        sha.update(rawPublicKey);
        return Arrays.copyOf(sha.digest(), KEY_ID_LENGTH);
    }

    /** Spec: key names are non-empty with no Unicode spaces and no '+' (the separator in key strings). */
    static void requireValidKeyName(String keyName) {
        Objects.requireNonNull(keyName, "keyName");
        if (keyName.isEmpty() || keyName.indexOf('+') >= 0 || hasControlCharacter(keyName)
                || keyName.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException(
                    "invalid key name '" + keyName + "': it must be non-empty, without spaces or '+'");
        }
    }

    /** Spec: the text is non-empty, ends in a newline and has no control characters other than newline. */
    private static void requireValidText(String body) {
        Objects.requireNonNull(body, "body");
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a note text must be non-empty and end with a newline");
        }
        if (hasControlCharacter(body.replace("\n", ""))) {
            throw new IllegalArgumentException("a note text must not contain control characters other than newline");
        }
        if (!isValidUtf8(body)) {
            throw new IllegalArgumentException(
                    "a note text must not contain unpaired surrogates (it must be valid UTF-8)");
        }
    }

    /** Notes are UTF-8; a lone surrogate would be signed as '?' and verify against a different text. */
    private static boolean isValidUtf8(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
