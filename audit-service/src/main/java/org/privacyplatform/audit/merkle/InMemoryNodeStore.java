package org.privacyplatform.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link NodeStore} in memory, for tests and tools. The production store is PostgreSQL-backed and persists
 * the same {@link MerkleTree#nodesCompletedByAppend} output, so both stay identical by construction.
 *
 * <p>Synchronized because appends read earlier nodes: a concurrent reader must never observe a leaf
 * without the subtrees it completed.
 */
public final class InMemoryNodeStore implements NodeStore {

    /** levels.get(l).get(i) is node (l, i): nodes complete in index order, so a list per level suffices. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    /**
     * Appends a leaf hash and stores every perfect subtree it completes (O(log n)).
     *
     * @return the index of the new leaf
     */
    public synchronized long append(byte[] leafHash) {
        long leafIndex = size();
        for (Node node : MerkleTree.nodesCompletedByAppend(leafIndex, leafHash, this)) {
            while (levels.size() <= node.level()) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> level = levels.get(node.level());
            if (level.size() != node.index()) {
                // cannot happen while nodesCompletedByAppend is correct; fail rather than corrupt the tree
                throw new IllegalStateException("out-of-order node " + node);
            }
            level.add(node.hash());
        }
        return leafIndex;
    }

    /** The number of leaves. */
    public synchronized long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    @Override
    public synchronized byte[] node(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new NoSuchElementException("no complete subtree at level " + level + ", index " + index);
        }
        return levels.get(level).get((int) index).clone();
    }
}
