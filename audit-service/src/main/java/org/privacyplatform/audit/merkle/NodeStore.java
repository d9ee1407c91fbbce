package org.privacyplatform.audit.merkle;

import java.util.Arrays;
import java.util.Objects;

/**
 * Read access to the stored hashes of the <em>perfect</em> (complete) subtrees of an append-only Merkle tree.
 *
 * <p>Only perfect subtrees are stored because they never change once complete: appending leaves adds new
 * nodes but never rewrites one, so the store is append-only too. Any other subtree hash (including every
 * root) is derived from O(log n) of them by {@link MerkleTree}.
 *
 * <p>Node ({@code level}, {@code index}) covers the leaves [index * 2^level, (index + 1) * 2^level); level 0
 * holds the leaf hashes. {@link MerkleTree#nodesCompletedByAppend} computes what to store on each append.
 */
public interface NodeStore {

    /**
     * The hash of the perfect subtree at ({@code level}, {@code index}).
     *
     * @return the 32-byte hash, never {@code null}
     * @throws java.util.NoSuchElementException if that subtree is not (yet) complete in the store
     */
    byte[] node(int level, long index);

    /**
     * One stored node: the hash of the perfect subtree at ({@code level}, {@code index}).
     *
     * <p>Equality and {@link #toString()} are by value: the record default would compare the array by
     * identity.
     */
    record Node(int level, long index, byte[] hash) {

        public Node {
            if (level < 0 || level > 62) {
                throw new IllegalArgumentException("level out of range: " + level);
            }
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0: " + index);
            }
            hash = MerkleHashes.requireHash(hash, "hash").clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Node node && level == node.level && index == node.index
                    && Arrays.equals(hash, node.hash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, index, Arrays.hashCode(hash));
        }

        @Override
        public String toString() {
            return "Node[level=" + level + ", index=" + index + ", hash=" + MerkleHashes.toHex(hash) + "]";
        }
    }
}
