package org.privacyplatform.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.privacyplatform.audit.merkle.RfcReference;

/**
 * Request bodies and checks written from the specs' text (c2sp.org/tlog-witness, tlog-checkpoint, signed-note,
 * tlog-cosignature) with the JDK alone: none of the witness's or the audit log's own note, cosignature or proof code.
 * Trees and proofs come from RfcReference, the RFC 9162 definitions transcribed naively.
 */
final class SpecFixtures {

    /** The LOCAL DEVELOPMENT key pair of the audit log, which the test profile trusts for test.example/log-N. */
    static final String LOG_SEED = "aSjATIEB7G29/DlcG9zEWnEF9EFPMmV5u8MFiLVki0g=";
    static final String LOG_PUBLIC = "Wp1TmwAD07PQ5AFZTdeJ2Hl5W5c7owZCNXL9L1kqSp8=";
    static final String WITNESS_NAME = "privacy-platform.local/witness";
    static final String WITNESS_PUBLIC = "R3vI81fyiUa9dhscYob3ohZiemjY0XpPAeAugmzBgwY=";

    private SpecFixtures() {
    }

    /** D[n]: n leaves of data unique to the origin. */
    static List<byte[]> leaves(String origin, int n) {
        return RfcReference.leaves(n).stream().map(l -> (origin + "/" + new String(l, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)).toList();
    }

    static byte[] root(List<byte[]> leaves) {
        return RfcReference.mth(leaves);
    }

    /** PROOF(m, D[n]) as base64 lines. */
    static List<String> proof(int m, List<byte[]> leaves) {
        return RfcReference.proof(m, leaves).stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }

    /** The checkpoint text: origin, size, base64 root, each ending in a newline. */
    static String body(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** The note: text, empty line, "— <key name> base64(key ID || Ed25519 signature)" with type byte 0x01. */
    static String note(String body, String keyName, String seed, String publicKey) {
        byte[] keyId = keyId(keyName, (byte) 0x01, Base64.getDecoder().decode(publicKey));
        byte[] signature = sign(seed, body.getBytes(StandardCharsets.UTF_8));
        byte[] both = ByteBuffer.allocate(4 + 64).put(keyId).put(signature).array();
        return body + "\n\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(both) + "\n";
    }

    /** A checkpoint of the first n leaves, signed by the trusted log key under the origin's name. */
    static String signedCheckpoint(String origin, List<byte[]> leaves) {
        return note(body(origin, leaves.size(), root(leaves)), origin, LOG_SEED, LOG_PUBLIC);
    }

    /** old size line, proof lines, empty line, checkpoint. */
    static String request(long oldSize, List<String> proof, String checkpoint) {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(line -> body.append(line).append('\n'));
        return body.append('\n').append(checkpoint).toString();
    }

    static byte[] keyId(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(type);
            sha.update(publicKey);
            return Arrays.copyOf(sha.digest(), 4);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a 200 body of one cosignature line: the witness's name, key ID with type 0x04, then a u64 timestamp and
     * an Ed25519 signature over "cosignature/v1\ntime T\n" + the checkpoint text. Returns the timestamp.
     */
    static long checkCosignature(String responseBody, String checkpointBody) {
        if (!responseBody.startsWith("\u2014 " + WITNESS_NAME + " ") || !responseBody.endsWith("\n")
                || responseBody.indexOf('\n') != responseBody.length() - 1) {
            throw new AssertionError("not one cosignature line by " + WITNESS_NAME + ": " + responseBody);
        }
        byte[] bytes = Base64.getDecoder().decode(responseBody.substring(responseBody.lastIndexOf(' ') + 1).strip());
        if (bytes.length != 4 + 8 + 64) {
            throw new AssertionError("a cosignature is 4 + 8 + 64 bytes, was " + bytes.length);
        }
        byte[] witnessKey = Base64.getDecoder().decode(WITNESS_PUBLIC);
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), keyId(WITNESS_NAME, (byte) 0x04, witnessKey))) {
            throw new AssertionError("the key ID is not SHA-256(name || 0x0A || 0x04 || key)[:4]");
        }
        long timestamp = ByteBuffer.wrap(bytes, 4, 8).getLong();
        byte[] message = ("cosignature/v1\ntime " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
        if (!verify(witnessKey, message, Arrays.copyOfRange(bytes, 12, 76))) {
            throw new AssertionError("the cosignature does not verify over the cosignature/v1 message");
        }
        return timestamp;
    }

    static byte[] sign(String seed, byte[] message) {
        try {
            byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), Base64.getDecoder().decode(seed));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            signer.update(message);
            return signer.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(concat(HexFormat.of().parseHex("302a300506032b6570032100"), publicKey))));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
