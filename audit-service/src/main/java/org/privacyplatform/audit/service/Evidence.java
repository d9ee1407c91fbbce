package org.privacyplatform.audit.service;

import java.util.List;

import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import org.privacyplatform.commons.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A subject's evidence, a page at a time: their events with inclusion proofs against one signed checkpoint.
 * The first page signs (or reuses) a checkpoint of the whole log; later pages name its tree size, so that every
 * page of one bundle proves against the same checkpoint.
 */
@ApplicationScoped
public class Evidence {

    /** One event of the page, its text (empty when shredded) and its audit path to the checkpoint's root. */
    public record Proven(AuditLeaf leaf, java.util.Optional<String> canonical, List<byte[]> auditPath) {
    }

    /** @param hasNext whether another page follows (ask for it with the checkpoint's tree size) */
    public record Page(Checkpoint checkpoint, List<Proven> events, boolean hasNext) {
    }

    private final Checkpoints checkpoints;
    private final LogRepository log;
    private final LeafVault vault;

    public Evidence(Checkpoints checkpoints, LogRepository log, LeafVault vault) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.vault = vault;
    }

    /**
     * @param treeSize the tree size of the checkpoint that earlier pages proved against; null for a fresh checkpoint
     */
    public Page page(String subjectId, long afterLeaf, Long treeSize, PageRequest page) {
        // signed in its own transaction, so that the log's lock is not held while the proofs are read
        // the first page proves against the latest checkpoint the witnesses cosigned
        Checkpoint checkpoint = treeSize == null ? checkpoints.published().checkpoint()
                : QuarkusTransaction.joiningExisting().call(() -> log.checkpointOfSize(treeSize)).orElseThrow(
                        () -> ProblemException.badRequest("treeSize", "no checkpoint was signed at tree size " + treeSize
                                + ": ask for the first page without treeSize"));
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<AuditLeaf> fetched = log.subjectLeaves(vault.lookupKeys(subjectId), afterLeaf, checkpoint.treeSize, page);
            List<AuditLeaf> leaves = Paged.entries(fetched, page);
            var texts = vault.texts(leaves);
            List<Proven> events = log.withNodes(nodes -> {
                MerkleTree tree = new MerkleTree(nodes);
                return leaves.stream().map(leaf -> new Proven(leaf, texts.get(leaf.leafIndex),
                        tree.inclusionProof(leaf.leafIndex, checkpoint.treeSize))).toList();
            });
            return new Page(checkpoint, events, Paged.hasNext(fetched, page));
        });
    }
}
