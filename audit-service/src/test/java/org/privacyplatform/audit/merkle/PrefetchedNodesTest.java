package org.privacyplatform.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.privacyplatform.audit.merkle.PrefetchedNodes.Address;

/** Proofs computed over nodes fetched in one go are the proofs computed node by node. */
class PrefetchedNodesTest {

    private static final Random RANDOM = new Random(20261126);

    /** A store's nodes, fetched the way the database fetches them, counting the fetches. */
    private static final class Fetcher implements Function<Collection<Address>, Map<Address, byte[]>> {
        private final NodeStore store;
        private int fetches;
        private int largest;

        Fetcher(NodeStore store) {
            this.store = store;
        }

        @Override
        public Map<Address, byte[]> apply(Collection<Address> addresses) {
            fetches++;
            largest = Math.max(largest, addresses.size());
            Map<Address, byte[]> nodes = new HashMap<>();
            for (Address a : addresses) {
                try {
                    nodes.put(a, store.node(a.level(), a.index()));
                } catch (NoSuchElementException absent) {
                    // an address with no node is simply absent, as in the database
                }
            }
            return nodes;
        }
    }

    @Test
    void rootsAndProofsMatchTheNodeByNodeComputationInOneFetch() {
        for (int size : List.of(1, 2, 3, 7, 8, 9, 100, 1023, 1024, 1025, 5000)) {
            InMemoryNodeStore store = TestTrees.storeOf(size);
            MerkleTree direct = new MerkleTree(store);
            for (int trial = 0; trial < 20; trial++) {
                long treeSize = 1 + RANDOM.nextInt(size);
                long leaf = RANDOM.nextInt((int) treeSize);
                long from = 1 + RANDOM.nextInt((int) treeSize);
                Fetcher fetcher = new Fetcher(store);
                List<byte[]> both = PrefetchedNodes.compute(nodes -> {
                    MerkleTree tree = new MerkleTree(nodes);
                    List<byte[]> out = new ArrayList<>(tree.inclusionProof(leaf, treeSize));
                    out.add(tree.rootHash(treeSize));
                    out.addAll(tree.consistencyProof(from, treeSize));
                    return out;
                }, fetcher);
                List<byte[]> expected = new ArrayList<>(direct.inclusionProof(leaf, treeSize));
                expected.add(direct.rootHash(treeSize));
                expected.addAll(direct.consistencyProof(from, treeSize));
                assertThat(both).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
                assertThat(fetcher.fetches).isLessThanOrEqualTo(1);
                // O(log n): never more than the proof sizes' worth of distinct nodes
                assertThat(fetcher.largest).isLessThanOrEqualTo(4 * (64 - Long.numberOfLeadingZeros(treeSize)) + 2);
            }
        }
    }

    @Test
    void aNodeTheStoreDoesNotHoldFailsAsItWouldNodeByNode() {
        InMemoryNodeStore store = TestTrees.storeOf(8);
        assertThatThrownBy(() -> PrefetchedNodes.compute(nodes -> new MerkleTree(nodes).rootHash(9), new Fetcher(store)))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("level 0, index 8");
    }
}
