package org.privacyplatform.audit.service;

import java.util.List;

import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Inclusion and consistency proofs (RFC 9162 2.1.3 and 2.1.4), read from stored node hashes in O(log n). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Proofs {

    public record Inclusion(long leafIndex, long treeSize, byte[] rootHash, List<byte[]> auditPath) {
    }

    public record Consistency(long fromSize, long toSize, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
    }

    private final LogRepository log;

    public Proofs(LogRepository log) {
        this.log = log;
    }

    public AuditLeaf leaf(String eventId) {
        return log.byEventId(eventId).orElseThrow(() -> ProblemException.notFound("no event " + eventId + " in the log"));
    }

    /** Proof that the event is in the tree of {@code treeSize} leaves (the current size when null). */
    public Inclusion inclusion(String eventId, Long treeSize) {
        AuditLeaf leaf = leaf(eventId);
        long size = treeSize == null ? log.size() : checkedSize("treeSize", treeSize);
        if (leaf.leafIndex >= size) {
            throw ProblemException.badRequest("treeSize", "event " + eventId + " is leaf " + leaf.leafIndex
                    + ": a tree of " + size + " leaves does not contain it yet");
        }
        return log.withNodes(nodes -> {
            MerkleTree tree = new MerkleTree(nodes);
            return new Inclusion(leaf.leafIndex, size, tree.rootHash(size), tree.inclusionProof(leaf.leafIndex, size));
        });
    }

    /** Proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves. */
    public Consistency consistency(long from, long to) {
        checkedSize("to", to);
        if (from < 1 || from > to) {
            throw ProblemException.badRequest("from", "from must be between 1 and to (" + to + ")");
        }
        return log.withNodes(nodes -> {
            MerkleTree tree = new MerkleTree(nodes);
            return new Consistency(from, to, tree.rootHash(from), tree.rootHash(to), tree.consistencyProof(from, to));
        });
    }

    public byte[] rootHash(long size) {
        return size == 0 ? MerkleHashes.emptyRoot() : log.withNodes(nodes -> new MerkleTree(nodes).rootHash(size));
    }

    private long checkedSize(String field, long size) {
        long current = log.size();
        if (size < 1 || size > current) {
            throw ProblemException.badRequest(field, field + " must be between 1 and the log's size (" + current + ")");
        }
        return size;
    }
}
