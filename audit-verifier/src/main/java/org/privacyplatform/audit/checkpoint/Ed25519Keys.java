package org.privacyplatform.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The log's Ed25519 signing key, with the JDK's own provider (no extra dependency).
 *
 * <p>Configured as the raw 32-byte RFC 8032 private seed and the raw 32-byte public key, both base64. The
 * JDK 17 API cannot derive the public key from a seed, so both are required and checked against each other
 * at construction: a mismatched pair would otherwise sign checkpoints that nobody can verify.
 */
public final class Ed25519Keys {

    /** Length of a raw Ed25519 seed, public key (32) and signature (64), RFC 8032. */
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private static final String ALGORITHM = "Ed25519";
    // DER prefixes of PKCS#8 PrivateKeyInfo and X.509 SubjectPublicKeyInfo for OID 1.3.101.112 (RFC 8410);
    // the raw 32 bytes follow each.
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PAIR_CHECK = "ed25519 key pair check".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final byte[] publicKeyRaw;

    /**
     * @param base64Seed   the raw 32-byte private seed, standard base64
     * @param base64Public the raw 32-byte public key, standard base64
     * @throws IllegalArgumentException if either is malformed or they are not one key pair
     */
    public Ed25519Keys(String base64Seed, String base64Public) {
        byte[] seed = decode(base64Seed, "private seed");
        byte[] pkcs8 = concat(PKCS8_PREFIX, seed);
        try {
            this.privateKey = keyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("the Ed25519 private seed is not a valid key", e);
        } finally {
            // the key object keeps its own copy; do not leave extra copies of the secret on the heap
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
        this.publicKeyRaw = decode(base64Public, "public key");
        if (!verify(publicKeyRaw, PAIR_CHECK, sign(PAIR_CHECK))) {
            throw new IllegalArgumentException("the public key does not match the private key");
        }
    }

    /** A new random key pair, as the two configuration values (tooling and tests). */
    public static Encoded generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] seed = rawAfterPrefix(pair.getPrivate().getEncoded(), PKCS8_PREFIX);
            byte[] publicKey = rawAfterPrefix(pair.getPublic().getEncoded(), X509_PREFIX);
            Base64.Encoder base64 = Base64.getEncoder();
            return new Encoded(base64.encodeToString(seed), base64.encodeToString(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no Ed25519", e);
        }
    }

    /** The 64-byte RFC 8032 signature of {@code message} (deterministic: same message, same signature). */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            // Signature objects are stateful and not thread-safe: one per call.
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The raw 32-byte public key, as published to verifiers and hashed into the note key ID. */
    public byte[] publicKeyRaw() {
        return publicKeyRaw.clone();
    }

    /**
     * Checks an Ed25519 signature with a raw public key. Any malformed input (wrong lengths, a byte string
     * that is not a curve point) is simply a failed verification.
     */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || rawPublicKey.length != KEY_LENGTH || message == null || signature == null
                || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            PublicKey publicKey =
                    keyFactory().generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, rawPublicKey)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (InvalidKeySpecException | InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no Ed25519", e);
        }
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "Ed25519Keys[public=" + Base64.getEncoder().encodeToString(publicKeyRaw) + "]";
    }

    /** A key pair as configuration values: raw 32-byte seed and raw 32-byte public key, standard base64. */
    public record Encoded(String base64Seed, String base64Public) {

        /** Keeps the seed out of logs. */
        @Override
        public String toString() {
            return "Encoded[base64Public=" + base64Public + ", base64Seed=<redacted>]";
        }
    }

    private static byte[] decode(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the Ed25519 " + what + " is not configured");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Ed25519 " + what + " is not valid base64", e);
        }
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "the Ed25519 " + what + " must be " + KEY_LENGTH + " bytes, was " + raw.length);
        }
        return raw;
    }

    private static byte[] rawAfterPrefix(byte[] der, byte[] prefix) {
        if (der.length != prefix.length + KEY_LENGTH
                || !Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
            // the JDK encodes without optional attributes; anything else would need a real DER parser
            throw new IllegalStateException("unexpected Ed25519 key encoding from the JDK");
        }
        return Arrays.copyOfRange(der, prefix.length, der.length);
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    private static KeyFactory keyFactory() {
        try {
            return KeyFactory.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no Ed25519", e);
        }
    }
}
