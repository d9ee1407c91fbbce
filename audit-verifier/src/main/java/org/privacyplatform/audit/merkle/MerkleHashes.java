package org.privacyplatform.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hashing of RFC 9162 section 2.1.1, with SHA-256.
 *
 * <p>Leaves and interior nodes are hashed with different one-byte prefixes (0x00 and 0x01) so that no
 * interior node can ever be presented as a leaf or the other way round (second-preimage resistance).
 * Every method is a pure function; a fresh {@link MessageDigest} per call keeps them thread-safe.
 */
public final class MerkleHashes {

    /** Size in bytes of every hash in the tree. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    private MerkleHashes() {
    }

    /** MTH({d}) = SHA-256(0x00 || d): the hash of one leaf's bytes. */
    public static byte[] leafHash(byte[] leaf) {
        Objects.requireNonNull(leaf, "leaf");
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(leaf);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right): the hash of an interior node from its two children's hashes. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** MTH({}) = SHA-256(""): the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** Lowercase hex, the form hashes take in JSON and in the database. */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(Objects.requireNonNull(bytes, "bytes"));
    }

    /** Parses hex (either case); throws IllegalArgumentException on odd length or a non-hex character. */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(Objects.requireNonNull(hex, "hex"));
    }

    /**
     * Rejects anything that is not a 32-byte hash, so a truncated value fails loudly instead of hashing.
     * Public because {@code MerkleTree} and {@code NodeStore} in audit-service use it from another jar.
     */
    public static byte[] requireHash(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + HASH_LENGTH + " bytes, was " + hash.length);
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java SE implementation must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
