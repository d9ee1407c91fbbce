package org.privacyplatform.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification as written in RFC 9162 sections 2.1.3.2 and 2.1.4.2, step for step.
 *
 * <p>Deliberately independent of audit-service's {@code MerkleTree}: it shares only the hash function, so a
 * bug in proof generation cannot be mirrored by the check that is meant to catch it. Never throws on bad input:
 * any malformed argument (null, wrong hash length, impossible sizes) simply fails verification.
 *
 * <p>A proof binds the leaf (or old root) to the given root, not to the tree size: the size is trusted
 * because it is signed together with the root in a checkpoint. Verify against checkpoint values only.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /**
     * RFC 9162 section 2.1.3.2: does {@code proof} prove {@code leafHash} at {@code leafIndex} in the tree of
     * {@code treeSize} with {@code rootHash}?
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] rootHash) {
        if (!isHash(leafHash) || !isHash(rootHash) || !allHashes(proof)) {
            return false;
        }
        // 1. leaf_index must be within the tree.
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        // 2. fn = leaf_index, sn = tree_size - 1.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. r = hash.
        byte[] r = leafHash;
        // 4. Fold in each proof element.
        for (byte[] p : proof) {
            // a. A path longer than the tree is tall fails.
            if (sn == 0) {
                return false;
            }
            // b. Is p a left sibling? It is when fn is a right child, or fn is the last node of its level
            //    (then p is the left sibling of an ancestor and the levels in between are skipped).
            if (isOdd(fn) || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                if (!isOdd(fn)) {
                    while (!isOdd(fn) && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            // c.
            fn >>= 1;
            sn >>= 1;
        }
        // 5. The path must reach exactly the root, and the result must be the root hash.
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    /**
     * RFC 9162 section 2.1.4.2: is the tree of {@code toSize} with {@code toRoot} an append-only extension of
     * the tree of {@code fromSize} with {@code fromRoot}? Equal sizes need an empty proof and equal roots;
     * {@code fromSize} 0 is rejected (nothing to prove, and the log never issues such a proof).
     */
    public static boolean verifyConsistency(long fromSize, long toSize, byte[] fromRoot, byte[] toRoot,
            List<byte[]> proof) {
        if (!isHash(fromRoot) || !isHash(toRoot) || !allHashes(proof)) {
            return false;
        }
        if (fromSize < 1 || toSize < fromSize) {
            return false;
        }
        // Section 2.1.4: PROOF(n, D[n]) is empty; the trees are consistent only if identical.
        if (fromSize == toSize) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        // 1. An empty path cannot prove two different sizes.
        if (proof.isEmpty()) {
            return false;
        }
        // 2. For a power-of-two first tree the proof omits the old root (SUBPROOF with b = true): restore it.
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(fromSize) == 1) {
            path.add(fromRoot);
        }
        path.addAll(proof);
        // 3.
        long fn = fromSize - 1;
        long sn = toSize - 1;
        // 4. Skip the levels where the old tree's last node is a right child: they are inside path[0].
        while (isOdd(fn)) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6.
        for (byte[] c : path.subList(1, path.size())) {
            // a.
            if (sn == 0) {
                return false;
            }
            // b. A left sibling is part of both trees; a right sibling only of the new one.
            if (isOdd(fn) || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                if (!isOdd(fn)) {
                    while (!isOdd(fn) && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            // c.
            fn >>= 1;
            sn >>= 1;
        }
        // 7. Both roots recomputed, and the path consumed exactly up to the new root.
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    private static boolean isOdd(long value) {
        return (value & 1) == 1;
    }

    private static boolean isHash(byte[] value) {
        return value != null && value.length == MerkleHashes.HASH_LENGTH;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] element : proof) {
            if (!isHash(element)) {
                return false;
            }
        }
        return true;
    }
}
