package org.privacyplatform.audit.merkle;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a {@link MerkleTree} computation with every node it needs fetched in one read.
 *
 * <p>Which nodes a root, proof or append reads depends only on leaf indices and tree sizes, never on the hash
 * values. So the computation runs once over a store that only notes the addresses asked for, then those
 * nodes are fetched together (one database round trip instead of up to 2 log2 n), and the computation runs
 * again over them.
 */
public final class PrefetchedNodes {

    /** A node's place in the tree: the perfect subtree of 2^level leaves from leaf index * 2^level. */
    public record Address(int level, long index) {
    }

    private static final byte[] PLACEHOLDER = new byte[MerkleHashes.HASH_LENGTH];

    private PrefetchedNodes() {
    }

    /**
     * @param computation what to compute from a store; must read the same addresses on every run
     * @param fetch       the hashes at the given addresses (missing ones are simply absent from the map)
     */
    public static <T> T compute(Function<NodeStore, T> computation, Function<Collection<Address>, Map<Address, byte[]>> fetch) {
        Set<Address> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Address(level, index));
            return PLACEHOLDER;
        });
        Map<Address, byte[]> nodes = wanted.isEmpty() ? Map.of() : fetch.apply(wanted);
        return computation.apply((level, index) -> {
            byte[] hash = nodes.get(new Address(level, index));
            if (hash == null) {
                throw new NoSuchElementException("no Merkle node at level " + level + ", index " + index);
            }
            return hash;
        });
    }
}
