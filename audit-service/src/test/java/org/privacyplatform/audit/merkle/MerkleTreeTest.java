package org.privacyplatform.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.privacyplatform.audit.merkle.NodeStore.Node;

class MerkleTreeTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 31, 32, 33, 64, 100})
    void rootHashMatchesTheRfcDefinition(int size) {
        List<byte[]> leaves = RfcReference.leaves(size);
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(leaves));

        assertThat(tree.rootHash(size)).isEqualTo(RfcReference.mth(leaves));
    }

    @Test
    void rootHashOfEveryEarlierSizeIsStillAvailable() {
        List<byte[]> leaves = RfcReference.leaves(70);
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(leaves));

        for (int size = 0; size <= 70; size++) {
            assertThat(tree.rootHash(size)).as("size %d", size).isEqualTo(RfcReference.mth(leaves.subList(0, size)));
        }
    }

    /** Hard-coded values computed outside Java (Python hashlib), over the leaves "leaf-0", "leaf-1", .... */
    @ParameterizedTest
    @CsvSource({
        "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "1, 305df59f9590c3c9ac63d2b2743c388e3792449078cebf7fb3dbe6471643b2b7",
        "2, 60a53eed0de87a90c8e59427c59c46253c33a76a09502a51801300927b7e6bdc",
        "3, cf763a041c81ceef1578a6083f75c61bef2e0014f2a3e683a97fcfca5be7f19a",
        "5, 00d21829a5503145348abcf712513eacf2a274211ad83e970202bb5b6d80b286",
        "8, ca6b7b3e674ac86c1027b59c87c064fc3bc27b313294c75f83bd05fdd13f0dcf",
        "13, a8ef4844c8e1d5ba49c811cdb86e95791f5d32ca7d9709afda28fdf65e949a53"
    })
    void rootHashKnownAnswers(int size, String expectedHex) {
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(size));

        assertThat(MerkleHashes.toHex(tree.rootHash(size))).isEqualTo(expectedHex);
    }

    @Test
    void subtreeHashMatchesTheDefinitionForEveryAlignedRange() {
        List<byte[]> leaves = RfcReference.leaves(37);
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(leaves));

        int checked = 0;
        for (int start = 0; start < 37; start++) {
            for (int end = start + 1; end <= 37; end++) {
                int size = end - start;
                int span = Integer.highestOneBit(size) == size ? size : Integer.highestOneBit(size) << 1;
                if (start % span == 0) {
                    assertThat(tree.subtreeHash(start, end)).as("[%d, %d)", start, end)
                            .isEqualTo(RfcReference.mth(leaves.subList(start, end)));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void subtreeHashRejectsRangesOutsideTheRecursion() {
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(16));

        assertThatThrownBy(() -> tree.subtreeHash(2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtreeHash(1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtreeHash(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.subtreeHash(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inclusionProofsEqualTheRfcPath() {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> leaves = RfcReference.leaves(size);
            MerkleTree tree = new MerkleTree(TestTrees.storeOf(leaves));
            for (int index = 0; index < size; index++) {
                assertThat(tree.inclusionProof(index, size)).as("PATH(%d, D[%d])", index, size)
                        .containsExactlyElementsOf(RfcReference.path(index, leaves));
            }
        }
    }

    @Test
    void consistencyProofsEqualTheRfcProof() {
        List<byte[]> allLeaves = RfcReference.leaves(40);
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(allLeaves));
        for (int to = 1; to <= 40; to++) {
            List<byte[]> leaves = allLeaves.subList(0, to);
            for (int from = 1; from <= to; from++) {
                assertThat(tree.consistencyProof(from, to)).as("PROOF(%d, D[%d])", from, to)
                        .containsExactlyElementsOf(RfcReference.proof(from, leaves));
            }
        }
    }

    /**
     * Larger trees, sampled: the tree's proofs are the RFC's and verify with {@link MerkleVerifier} (whose own
     * tests, in audit-verifier, check it against the same reference exhaustively for small trees).
     */
    @Test
    void proofsOfLargerTreesEqualTheRfcAndVerify() {
        List<byte[]> allLeaves = RfcReference.leaves(1025);
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(allLeaves));
        for (int size : new int[] {255, 256, 257, 1000, 1024, 1025}) {
            List<byte[]> leaves = allLeaves.subList(0, size);
            byte[] root = RfcReference.mth(leaves);
            assertThat(tree.rootHash(size)).as("MTH(D[%d])", size).isEqualTo(root);
            for (int index : new int[] {0, 1, size / 2, size - 2, size - 1}) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(proof).as("PATH(%d, D[%d])", index, size)
                        .containsExactlyElementsOf(RfcReference.path(index, leaves));
                assertThat(MerkleVerifier.verifyInclusion(index, size, MerkleHashes.leafHash(leaves.get(index)), proof,
                        root)).as("inclusion of %d in %d", index, size).isTrue();
            }
            for (int from : new int[] {1, 2, Integer.highestOneBit(size - 1), size / 2 + 1, size - 1, size}) {
                List<byte[]> proof = tree.consistencyProof(from, size);
                assertThat(proof).as("PROOF(%d, D[%d])", from, size)
                        .containsExactlyElementsOf(RfcReference.proof(from, leaves));
                assertThat(MerkleVerifier.verifyConsistency(from, size, RfcReference.mth(leaves.subList(0, from)), root,
                        proof)).as("consistency %d -> %d", from, size).isTrue();
            }
        }
    }

    @Test
    void proofsForAnEarlierSizeIgnoreLaterLeaves() {
        List<byte[]> leaves = RfcReference.leaves(50);
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(leaves));

        assertThat(tree.inclusionProof(6, 11)).containsExactlyElementsOf(RfcReference.path(6, leaves.subList(0, 11)));
    }

    @Test
    void rejectsImpossibleProofRequests() {
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(8));

        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.rootHash(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tree.consistencyProof(8, 8)).isEmpty();
    }

    @Test
    void aSizeBeyondTheStoreFailsInsteadOfInventingHashes() {
        MerkleTree tree = new MerkleTree(TestTrees.storeOf(5));

        assertThatThrownBy(() -> tree.rootHash(6)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void appendStoresTheLeafAndEveryPerfectSubtreeItCompletes() {
        List<byte[]> leaves = RfcReference.leaves(4);
        InMemoryNodeStore store = TestTrees.storeOf(leaves.subList(0, 3));

        List<Node> nodes = MerkleTree.nodesCompletedByAppend(3, MerkleHashes.leafHash(leaves.get(3)), store);

        assertThat(nodes).containsExactly(
                new Node(0, 3, MerkleHashes.leafHash(leaves.get(3))),
                new Node(1, 1, RfcReference.mth(leaves.subList(2, 4))),
                new Node(2, 0, RfcReference.mth(leaves)));
    }

    @Test
    void appendingAnEvenLeafCompletesOnlyTheLeaf() {
        InMemoryNodeStore store = TestTrees.storeOf(4);
        byte[] leafHash = MerkleHashes.leafHash(new byte[] {4});

        assertThat(MerkleTree.nodesCompletedByAppend(4, leafHash, store)).containsExactly(new Node(0, 4, leafHash));
    }

    @Test
    void inMemoryStoreHoldsExactlyThePerfectSubtrees() {
        List<byte[]> leaves = RfcReference.leaves(6);
        InMemoryNodeStore store = TestTrees.storeOf(leaves);

        assertThat(store.size()).isEqualTo(6);
        assertThat(store.node(1, 2)).isEqualTo(RfcReference.mth(leaves.subList(4, 6)));
        assertThat(store.node(2, 0)).isEqualTo(RfcReference.mth(leaves.subList(0, 4)));
        assertThatThrownBy(() -> store.node(2, 1)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.node(3, 0)).isInstanceOf(NoSuchElementException.class);
    }

    /** The cost claim in MerkleTree's documentation: at most 2 * ceil(log2 n) + 1 store reads per proof. */
    @Test
    void proofsReadLogarithmicallyManyNodes() {
        int maxSize = 1100;
        InMemoryNodeStore backing = TestTrees.storeOf(maxSize);
        AtomicInteger reads = new AtomicInteger();
        MerkleTree tree = new MerkleTree((level, index) -> {
            reads.incrementAndGet();
            return backing.node(level, index);
        });

        for (int size : new int[] {1, 2, 3, 7, 8, 9, 100, 127, 513, 1000, 1023, 1025, 1100}) {
            int bound = 2 * ceilLog2(size) + 1;
            for (int other = 0; other < size; other++) {
                reads.set(0);
                tree.inclusionProof(other, size);
                assertThat(reads.get()).as("inclusion reads for (%d, %d)", other, size).isLessThanOrEqualTo(bound);

                reads.set(0);
                tree.consistencyProof(other + 1, size);
                assertThat(reads.get()).as("consistency reads for (%d, %d)", other + 1, size).isLessThanOrEqualTo(bound);
            }
            reads.set(0);
            tree.rootHash(size);
            assertThat(reads.get()).as("root reads for %d", size).isLessThanOrEqualTo(ceilLog2(size) + 1);
        }
    }

    private static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
