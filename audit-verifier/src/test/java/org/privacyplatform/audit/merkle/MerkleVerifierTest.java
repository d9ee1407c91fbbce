package org.privacyplatform.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proofs from the naive transcription of the RFC's definitions ({@link RfcReference}) checked by the
 * independently written {@link MerkleVerifier}: every honest proof must verify and every single-bit
 * corruption must not. (audit-service's MerkleTreeTest shows that its tree's proofs equal the reference's.)
 */
class MerkleVerifierTest {

    private static final int MAX_SIZE = 1025;
    /** Exhaustive for small trees, sampled beyond. */
    private static final int[] SIZES = IntStream.concat(IntStream.rangeClosed(1, 130), IntStream.of(255, 256, 257, 1000, 1024, 1025)).toArray();

    private static List<byte[]> leaves;
    private static List<byte[]> leafHashes;
    private static List<byte[]> roots;

    /** Fixed seed: a failure must be reproducible. */
    private final Random random = new Random(9162);

    @BeforeAll
    static void buildTree() {
        leaves = RfcReference.leaves(MAX_SIZE);
        leafHashes = new ArrayList<>();
        for (byte[] leaf : leaves) {
            leafHashes.add(MerkleHashes.leafHash(leaf));
        }
        roots = new ArrayList<>();
        for (int size = 0; size <= MAX_SIZE; size++) {
            roots.add(RfcReference.mth(leaves.subList(0, size)));
        }
    }

    @Test
    void everyInclusionProofVerifies() {
        for (int size : SIZES) {
            for (int index : indexesOf(size)) {
                List<byte[]> proof = inclusionProof(index, size);
                assertThat(MerkleVerifier.verifyInclusion(index, size, leafHashes.get(index), proof, roots.get(size)))
                        .as("inclusion of %d in %d", index, size).isTrue();
            }
        }
    }

    @Test
    void flippingAnyBitOfAnInclusionProofFails() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = inclusionProof(index, size);
                byte[] leaf = leafHashes.get(index);
                byte[] root = roots.get(size);
                for (int bit = 0; bit < 256; bit++) {
                    for (int element = 0; element < proof.size(); element++) {
                        assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, flipElement(proof, element, bit), root))
                                .as("(%d, %d) element %d bit %d", index, size, element, bit).isFalse();
                    }
                    assertThat(MerkleVerifier.verifyInclusion(index, size, flip(leaf, bit), proof, root)).isFalse();
                    assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, proof, flip(root, bit))).isFalse();
                }
            }
        }
    }

    @Test
    void flippingARandomBitOfAnInclusionProofFails() {
        for (int size : SIZES) {
            for (int index : indexesOf(size)) {
                List<byte[]> proof = inclusionProof(index, size);
                byte[] leaf = leafHashes.get(index);
                byte[] root = roots.get(size);
                for (int element = 0; element < proof.size(); element++) {
                    assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, flipElement(proof, element, randomBit()), root))
                            .as("(%d, %d) element %d", index, size, element).isFalse();
                }
                assertThat(MerkleVerifier.verifyInclusion(index, size, flip(leaf, randomBit()), proof, root)).isFalse();
                assertThat(MerkleVerifier.verifyInclusion(index, size, leaf, proof, flip(root, randomBit()))).isFalse();
            }
        }
    }

    @Test
    void aWrongLeafIndexFails() {
        for (int size = 1; size <= 40; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = inclusionProof(index, size);
                for (int other = -1; other <= size; other++) {
                    if (other != index) {
                        assertThat(MerkleVerifier.verifyInclusion(other, size, leafHashes.get(index), proof, roots.get(size)))
                                .as("proof for %d used as %d in %d", index, other, size).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aWrongTreeSizeFailsAgainstThatSizesRoot() {
        for (int size : SIZES) {
            for (int index : indexesOf(size)) {
                List<byte[]> proof = inclusionProof(index, size);
                for (int other : new int[] {size - 1, size + 1, 2 * size}) {
                    if (other > index && other <= MAX_SIZE) {
                        assertThat(MerkleVerifier.verifyInclusion(index, other, leafHashes.get(index), proof, roots.get(other)))
                                .as("proof for (%d, %d) claimed for size %d", index, size, other).isFalse();
                    }
                }
            }
        }
    }

    /**
     * Why roots and sizes must come together from a signed checkpoint: the path of leaf 0 in a tree of 3
     * also has the shape of one in a tree of 4, so the proof alone does not pin the size.
     */
    @Test
    void theProofDoesNotBindTheTreeSizeOnlyTheRootDoes() {
        List<byte[]> proof = inclusionProof(0, 3);

        assertThat(MerkleVerifier.verifyInclusion(0, 4, leafHashes.get(0), proof, roots.get(3))).isTrue();
        assertThat(MerkleVerifier.verifyInclusion(0, 4, leafHashes.get(0), proof, roots.get(4))).isFalse();
    }

    @Test
    void malformedInclusionInputsFailWithoutThrowing() {
        List<byte[]> proof = inclusionProof(2, 5);
        byte[] leaf = leafHashes.get(2);
        byte[] root = roots.get(5);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        List<byte[]> withShortElement = new ArrayList<>(proof);
        withShortElement.set(0, new byte[31]);

        assertThat(MerkleVerifier.verifyInclusion(2, 5, leaf, proof, root)).isTrue();
        assertThat(MerkleVerifier.verifyInclusion(2, 5, leaf, longer, root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(2, 5, leaf, proof.subList(0, proof.size() - 1), root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(2, 5, leaf, withShortElement, root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(2, 5, leaf, null, root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(2, 5, null, proof, root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(2, 5, leaf, proof, new byte[0])).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(5, 5, leaf, proof, root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(0, 0, leaf, List.of(), MerkleHashes.emptyRoot())).isFalse();
    }

    @Test
    void theOnlyLeafOfATreeOfOneIsItsOwnRoot() {
        assertThat(MerkleVerifier.verifyInclusion(0, 1, leafHashes.get(0), List.of(), roots.get(1))).isTrue();
        assertThat(MerkleVerifier.verifyInclusion(0, 1, leafHashes.get(1), List.of(), roots.get(1))).isFalse();
    }

    @Test
    void everyConsistencyProofVerifies() {
        for (int[] pair : consistencyPairs()) {
            int from = pair[0];
            int to = pair[1];
            List<byte[]> proof = consistencyProof(from, to);
            assertThat(MerkleVerifier.verifyConsistency(from, to, roots.get(from), roots.get(to), proof))
                    .as("consistency %d -> %d", from, to).isTrue();
        }
    }

    @Test
    void flippingAnyBitOfAConsistencyProofOrRootFails() {
        for (int to = 1; to <= 9; to++) {
            for (int from = 1; from <= to; from++) {
                List<byte[]> proof = consistencyProof(from, to);
                for (int bit = 0; bit < 256; bit++) {
                    for (int element = 0; element < proof.size(); element++) {
                        assertThat(MerkleVerifier.verifyConsistency(from, to, roots.get(from), roots.get(to),
                                flipElement(proof, element, bit))).as("%d -> %d element %d bit %d", from, to, element, bit)
                                .isFalse();
                    }
                    assertThat(MerkleVerifier.verifyConsistency(from, to, flip(roots.get(from), bit), roots.get(to), proof))
                            .as("%d -> %d old root bit %d", from, to, bit).isFalse();
                    assertThat(MerkleVerifier.verifyConsistency(from, to, roots.get(from), flip(roots.get(to), bit), proof))
                            .as("%d -> %d new root bit %d", from, to, bit).isFalse();
                }
            }
        }
    }

    @Test
    void flippingARandomBitOfAConsistencyProofOrRootFails() {
        for (int[] pair : consistencyPairs()) {
            int from = pair[0];
            int to = pair[1];
            List<byte[]> proof = consistencyProof(from, to);
            for (int element = 0; element < proof.size(); element++) {
                assertThat(MerkleVerifier.verifyConsistency(from, to, roots.get(from), roots.get(to),
                        flipElement(proof, element, randomBit()))).as("%d -> %d element %d", from, to, element).isFalse();
            }
            assertThat(MerkleVerifier.verifyConsistency(from, to, flip(roots.get(from), randomBit()), roots.get(to), proof))
                    .as("%d -> %d old root", from, to).isFalse();
            assertThat(MerkleVerifier.verifyConsistency(from, to, roots.get(from), flip(roots.get(to), randomBit()), proof))
                    .as("%d -> %d new root", from, to).isFalse();
        }
    }

    @Test
    void wrongSizesFailAgainstThoseSizesRoots() {
        for (int[] pair : consistencyPairs()) {
            int from = pair[0];
            int to = pair[1];
            if (from == to) {
                continue;
            }
            List<byte[]> proof = consistencyProof(from, to);
            for (int otherFrom : new int[] {from - 1, from + 1}) {
                if (otherFrom >= 1 && otherFrom < to) {
                    assertThat(MerkleVerifier.verifyConsistency(otherFrom, to, roots.get(otherFrom), roots.get(to), proof))
                            .as("%d -> %d claimed from %d", from, to, otherFrom).isFalse();
                }
            }
            for (int otherTo : new int[] {to - 1, to + 1}) {
                if (otherTo > from && otherTo <= MAX_SIZE) {
                    assertThat(MerkleVerifier.verifyConsistency(from, otherTo, roots.get(from), roots.get(otherTo), proof))
                            .as("%d -> %d claimed to %d", from, to, otherTo).isFalse();
                }
            }
        }
    }

    @Test
    void equalSizesNeedEqualRootsAndAnEmptyProof() {
        assertThat(MerkleVerifier.verifyConsistency(5, 5, roots.get(5), roots.get(5), List.of())).isTrue();
        assertThat(MerkleVerifier.verifyConsistency(5, 5, roots.get(5), roots.get(6), List.of())).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(5, 5, roots.get(5), roots.get(5), List.of(roots.get(5)))).isFalse();
    }

    @Test
    void malformedConsistencyInputsFailWithoutThrowing() {
        List<byte[]> proof = consistencyProof(3, 7);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(roots.get(1));

        assertThat(MerkleVerifier.verifyConsistency(3, 7, roots.get(3), roots.get(7), proof)).isTrue();
        assertThat(MerkleVerifier.verifyConsistency(3, 7, roots.get(3), roots.get(7), List.of())).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(3, 7, roots.get(3), roots.get(7), longer)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(3, 7, roots.get(3), roots.get(7), proof.subList(1, proof.size()))).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(3, 7, roots.get(3), roots.get(7), null)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(3, 7, null, roots.get(7), proof)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(7, 3, roots.get(7), roots.get(3), proof)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(0, 7, roots.get(0), roots.get(7), proof)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(0, 0, roots.get(0), roots.get(0), List.of())).isFalse();
    }

    /** A power-of-two old tree: the proof omits the old root, which the verifier prepends itself. */
    @Test
    void powerOfTwoOldTreesVerify() {
        for (int from : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}) {
            for (int to : new int[] {from, from + 1, 2 * from - 1, 2 * from, 2 * from + 1, MAX_SIZE}) {
                if (to >= from && to <= MAX_SIZE) {
                    List<byte[]> proof = consistencyProof(from, to);
                    assertThat(MerkleVerifier.verifyConsistency(from, to, roots.get(from), roots.get(to), proof))
                            .as("%d -> %d", from, to).isTrue();
                }
            }
        }
        // 4 -> 8: the old tree is exactly the new tree's left half, proven by the right half alone
        assertThat(consistencyProof(4, 8)).containsExactly(RfcReference.mth(leaves.subList(4, 8)));
    }

    /** PATH(index, D[size]) by the RFC's definition. */
    private static List<byte[]> inclusionProof(int index, int size) {
        return RfcReference.path(index, leaves.subList(0, size));
    }

    /** PROOF(from, D[to]) by the RFC's definition. */
    private static List<byte[]> consistencyProof(int from, int to) {
        return RfcReference.proof(from, leaves.subList(0, to));
    }

    /** All indexes up to 130 leaves, a spread sample (always including both ends) beyond. */
    private List<Integer> indexesOf(int size) {
        TreeSet<Integer> indexes = new TreeSet<>();
        if (size <= 130) {
            IntStream.range(0, size).forEach(indexes::add);
        } else {
            indexes.add(0);
            indexes.add(size - 1);
            indexes.add(size / 2);
            while (indexes.size() < 60) {
                indexes.add(random.nextInt(size));
            }
        }
        return new ArrayList<>(indexes);
    }

    /** All pairs up to 40 leaves; for larger sizes, sampled old sizes plus the edge cases. */
    private List<int[]> consistencyPairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int to : SIZES) {
            TreeSet<Integer> froms = new TreeSet<>();
            if (to <= 40) {
                IntStream.rangeClosed(1, to).forEach(froms::add);
            } else {
                froms.addAll(List.of(1, 2, to - 1, to, Integer.highestOneBit(to), Integer.highestOneBit(to - 1)));
                while (froms.size() < 20) {
                    froms.add(1 + random.nextInt(to));
                }
            }
            for (int from : froms) {
                pairs.add(new int[] {from, to});
            }
        }
        return pairs;
    }

    private int randomBit() {
        return random.nextInt(256);
    }

    private static List<byte[]> flipElement(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flip(proof.get(element), bit));
        return copy;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
