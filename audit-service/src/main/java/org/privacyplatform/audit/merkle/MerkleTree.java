package org.privacyplatform.audit.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.privacyplatform.audit.merkle.NodeStore.Node;

/**
 * RFC 9162 section 2.1 computations (tree hash, inclusion proof, consistency proof) over the perfect
 * subtrees held in a {@link NodeStore}. Nothing is ever recomputed from the leaves.
 *
 * <p>The RFC defines everything by recursion on D[n], splitting at k = the largest power of two smaller
 * than n. Following that recursion top-down, the left part of a split is always perfect (one store read)
 * and at most one right part along any path is imperfect; so a root costs at most ceil(log2 n) reads, and
 * an inclusion or consistency proof at most about 2 * ceil(log2 n) + 1 reads.
 *
 * <p>Only reads the store, so it is as thread-safe as the store; the caller fixes a tree size that the store
 * already holds (normally the size of a signed checkpoint).
 */
public final class MerkleTree {

    private final NodeStore store;

    public MerkleTree(NodeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The nodes to store when leaf {@code newLeafIndex} is appended: the leaf itself at level 0 and every
     * perfect subtree it completes, bottom-up. Returned rather than written so that a database-backed store
     * can persist them in the same transaction as the leaf.
     *
     * @param store must already hold leaves [0, newLeafIndex) and their completed subtrees
     */
    public static List<Node> nodesCompletedByAppend(long newLeafIndex, byte[] leafHash, NodeStore store) {
        if (newLeafIndex < 0) {
            throw new IllegalArgumentException("leaf index must be >= 0: " + newLeafIndex);
        }
        MerkleHashes.requireHash(leafHash, "leafHash");
        Objects.requireNonNull(store, "store");
        List<Node> completed = new ArrayList<>();
        int level = 0;
        long index = newLeafIndex;
        byte[] hash = leafHash;
        completed.add(new Node(level, index, hash));
        // An odd index is a right child: its left sibling is already complete, so their parent completes now.
        while ((index & 1) == 1) {
            hash = MerkleHashes.nodeHash(read(store, level, index - 1), hash);
            level++;
            index >>>= 1;
            completed.add(new Node(level, index, hash));
        }
        return completed;
    }

    /** MTH(D[treeSize]); the empty tree's root is SHA-256(""). */
    public byte[] rootHash(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must be >= 0: " + treeSize);
        }
        return treeSize == 0 ? MerkleHashes.emptyRoot() : subtreeHash(0, treeSize);
    }

    /**
     * MTH(D[start:end]) for a range that occurs in the RFC recursion: {@code start} must be a multiple of the
     * smallest power of two >= (end - start). Costs at most ceil(log2(end - start)) + 1 store reads.
     */
    public byte[] subtreeHash(long start, long end) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("not a non-empty range: [" + start + ", " + end + ")");
        }
        long size = end - start;
        long span = size == 1 ? 1 : Long.highestOneBit(size - 1) << 1;
        if (span <= 0 || start % span != 0) {
            throw new IllegalArgumentException(
                    "[" + start + ", " + end + ") is not a subtree of the RFC 9162 recursion");
        }
        return alignedSubtreeHash(start, end);
    }

    /**
     * PATH(m, D[n]) of RFC 9162 section 2.1.3.1: the sibling hashes from the leaf up to the root.
     */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        // Walk the recursion top-down, collecting the sibling of each half we descend into; the RFC appends
        // each sibling after the sub-path, so the proof is this list reversed.
        List<byte[]> siblings = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long k = largestPowerOfTwoBelow(end - start);
            if (leafIndex < start + k) {
                siblings.add(alignedSubtreeHash(start + k, end));
                end = start + k;
            } else {
                siblings.add(perfectSubtreeHash(start, k));
                start += k;
            }
        }
        Collections.reverse(siblings);
        return siblings;
    }

    /**
     * PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 section 2.1.4.1; empty when the sizes are equal.
     */
    public List<byte[]> consistencyProof(long fromSize, long toSize) {
        if (fromSize < 1 || fromSize > toSize) {
            throw new IllegalArgumentException("no consistency proof from size " + fromSize + " to size " + toSize
                    + ": need 1 <= from <= to");
        }
        List<byte[]> siblings = new ArrayList<>();
        long start = 0;
        long end = toSize;
        // b of the RFC: true until the recursion first descends into a right half. While it holds, the node
        // where the recursion stops is the old root itself, which the verifier already has.
        boolean wholeOldTreeIsPrefix = true;
        // SUBPROOF recursion: stop when the old tree's edge (fromSize) is exactly the end of the range.
        while (fromSize != end) {
            long k = largestPowerOfTwoBelow(end - start);
            if (fromSize - start <= k) {
                siblings.add(alignedSubtreeHash(start + k, end));
                end = start + k;
            } else {
                siblings.add(perfectSubtreeHash(start, k));
                start += k;
                wholeOldTreeIsPrefix = false;
            }
        }
        List<byte[]> proof = new ArrayList<>(siblings.size() + 1);
        if (!wholeOldTreeIsPrefix) {
            // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b true the verifier already knows it (old root).
            proof.add(alignedSubtreeHash(start, end));
        }
        for (int i = siblings.size() - 1; i >= 0; i--) {
            proof.add(siblings.get(i));
        }
        return proof;
    }

    /** MTH(D[start:end]) for a range already known to be aligned as in the RFC recursion. */
    private byte[] alignedSubtreeHash(long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1) {
            return perfectSubtreeHash(start, size);
        }
        // Left part perfect (one read), right part aligned to k: recursion depth <= log2(size).
        long k = largestPowerOfTwoBelow(size);
        return MerkleHashes.nodeHash(perfectSubtreeHash(start, k), alignedSubtreeHash(start + k, end));
    }

    /** The stored hash of the perfect subtree of {@code size} (a power of two) leaves from {@code start}. */
    private byte[] perfectSubtreeHash(long start, long size) {
        int level = Long.numberOfTrailingZeros(size);
        return read(store, level, start >>> level);
    }

    private static byte[] read(NodeStore store, int level, long index) {
        byte[] hash = store.node(level, index);
        if (hash == null) {
            throw new IllegalStateException("node store returned no hash for level " + level + ", index " + index);
        }
        return MerkleHashes.requireHash(hash, "stored node (" + level + ", " + index + ")");
    }

    /** k of the RFC: the largest power of two strictly smaller than n (n >= 2). */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
