package org.privacyplatform.audit.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Witness cosignatures of checkpoints: C2SP tlog-cosignature {@code cosignature/v1} with Ed25519
 * (https://c2sp.org/tlog-cosignature).
 *
 * <p>A cosignature is a note signature line {@code — <witness name> base64(key ID || timestamp || signature)}:
 * the key ID is SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4], the timestamp a big-endian u64 of POSIX
 * seconds, and the Ed25519 signature covers
 *
 * <pre>
 * cosignature/v1
 * time &lt;timestamp&gt;
 * &lt;the checkpoint's note text, with its final newline&gt;
 * </pre>
 *
 * A cosignature states that, at that time, this was the largest checkpoint consistent with every earlier one that
 * the witness has seen for the log.
 */
public final class Cosignature {

    /** Signature type byte of timestamped Ed25519 witness cosignatures in the key ID hash (signed-note spec). */
    static final byte COSIGNATURE_V1_TYPE = 0x04;
    private static final int TIMESTAMP_LENGTH = 8;

    private Cosignature() {
    }

    /**
     * One verified cosignature.
     *
     * @param witness   the witness's key name
     * @param keyId     the 4-byte key ID, 8 lowercase hex characters
     * @param timestamp POSIX seconds at which the witness cosigned
     * @param signature the 64-byte Ed25519 signature, standard base64
     * @param line      the note signature line, without its newline
     */
    public record Verified(String witness, String keyId, long timestamp, String signature, String line) {
    }

    /** The cosignature/v1 key ID of a witness key, 8 lowercase hex characters. */
    public static String keyId(String witnessName, byte[] rawPublicKey) {
        return HexFormat.of().formatHex(SignedNote.keyIdBytes(witnessName, COSIGNATURE_V1_TYPE, rawPublicKey));
    }

    /** What the witness signs: the header line, the time line, then the checkpoint's note text. */
    public static byte[] signedMessage(String checkpointBody, long timestamp) {
        requireTimestamp(timestamp);
        return ("cosignature/v1\ntime " + timestamp + "\n" + Objects.requireNonNull(checkpointBody, "checkpointBody"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Cosigns a checkpoint's note text: the signature line (without its newline) to append to the note. */
    public static String sign(String checkpointBody, String witnessName, Ed25519Keys keys, long timestamp) {
        SignedNote.requireValidKeyName(witnessName);
        byte[] signature = keys.sign(signedMessage(checkpointBody, timestamp));
        ByteBuffer bytes = ByteBuffer.allocate(SignedNote.KEY_ID_LENGTH + TIMESTAMP_LENGTH + signature.length);
        bytes.put(SignedNote.keyIdBytes(witnessName, COSIGNATURE_V1_TYPE, keys.publicKeyRaw()));
        bytes.putLong(timestamp);
        bytes.put(signature);
        return SignedNote.SIGNATURE_PREFIX + witnessName + " " + Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * The cosignatures by this witness key in a note's signature lines, each verified against the note's text. Lines
     * by other keys (another name or key ID: the log's own signature, other witnesses) are ignored, as the spec says.
     *
     * @throws IllegalArgumentException if a line by this key is malformed or does not verify
     */
    public static List<Verified> verify(String checkpointBody, List<SignedNote.SignatureLine> lines, String witnessName,
            byte[] rawPublicKey) {
        byte[] keyId = SignedNote.keyIdBytes(witnessName, COSIGNATURE_V1_TYPE, rawPublicKey);
        List<Verified> verified = new ArrayList<>();
        for (SignedNote.SignatureLine line : lines) {
            if (!line.isBy(witnessName, keyId)) {
                continue;
            }
            byte[] timestampAndSignature = line.signature();
            if (timestampAndSignature.length != TIMESTAMP_LENGTH + Ed25519Keys.SIGNATURE_LENGTH) {
                throw new IllegalArgumentException("the cosignature by " + witnessName + " is not 8 + 64 bytes");
            }
            long timestamp = ByteBuffer.wrap(timestampAndSignature, 0, TIMESTAMP_LENGTH).getLong();
            if (timestamp < 0) {
                throw new IllegalArgumentException("the cosignature by " + witnessName + " has a timestamp above 2^63 - 1");
            }
            byte[] signature = Arrays.copyOfRange(timestampAndSignature, TIMESTAMP_LENGTH, timestampAndSignature.length);
            if (!Ed25519Keys.verify(rawPublicKey, signedMessage(checkpointBody, timestamp), signature)) {
                throw new IllegalArgumentException("the cosignature by " + witnessName + " does not verify");
            }
            verified.add(new Verified(witnessName, HexFormat.of().formatHex(keyId), timestamp,
                    Base64.getEncoder().encodeToString(signature), line.text()));
        }
        return verified;
    }

    /** The cosignatures by this witness key in a whole note (checkpoint text, blank line, signature lines). */
    public static List<Verified> verify(String noteText, String witnessName, byte[] rawPublicKey) {
        SignedNote.Parsed parsed = SignedNote.parse(noteText);
        return verify(parsed.body(), parsed.signatures(), witnessName, rawPublicKey);
    }

    private static void requireTimestamp(long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature timestamp is between 0 and 2^63 - 1");
        }
    }
}
