package org.privacyplatform.audit.merkle;

import java.util.List;

/** Builds stores for the tests from raw leaf data, through the production append path. */
final class TestTrees {

    private TestTrees() {
    }

    static InMemoryNodeStore storeOf(List<byte[]> leaves) {
        InMemoryNodeStore store = new InMemoryNodeStore();
        for (byte[] leaf : leaves) {
            store.append(MerkleHashes.leafHash(leaf));
        }
        return store;
    }

    static InMemoryNodeStore storeOf(int size) {
        return storeOf(RfcReference.leaves(size));
    }
}
