package org.privacyplatform.audit.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.repository.LogRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recomputes the tree from the leaves' canonical text, in one streaming pass with a stack of at most log n
 * subtree hashes. Compares each recomputed leaf hash with the stored one, and each recomputed root with every
 * signed checkpoint (whose signature it checks too). Names the first leaf that no longer matches.
 */
@ApplicationScoped
public class LogVerifier {

    /**
     * @param firstMismatch the first leaf whose text no longer gives its stored hash (null if none); a
     *                      mismatching checkpoint with no such leaf means hashes were rewritten consistently
     */
    public record Result(boolean valid, long treeSize, Long firstMismatch, int checkpointsChecked, List<String> problems) {
    }

    /** A checkpoint a witness holds as the latest it cosigned: its size and root hash. */
    private record Witnessed(String witness, long treeSize, byte[] rootHash) {
    }

    private final LogRepository log;
    private final Checkpoints checkpoints;
    private final Witnesses witnesses;
    private final AuditConfig config;

    public LogVerifier(LogRepository log, Checkpoints checkpoints, Witnesses witnesses, AuditConfig config) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
        this.config = config;
    }

    /**
     * Verifies the log against its own checkpoints and against the latest checkpoint each witness cosigned (read from
     * the witnesses first, outside the snapshot): stored checkpoints can be deleted by whoever owns the database, the
     * witnesses' cannot.
     */
    public Result verify() {
        List<Witnessed> witnessed = new ArrayList<>();
        witnesses.latestHeldByWitnesses(config.origin(), checkpoints.publicKeyRaw()).forEach((witness, note) -> note
                .ifPresent(text -> {
                    String[] lines = text.split("\n", 4);
                    witnessed.add(new Witnessed(witness.name(), Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2])));
                }));
        return QuarkusTransaction.requiringNew().call(() -> verify(witnessed));
    }

    /**
     * Verifies the log as one consistent snapshot (a read-only REPEATABLE READ transaction): the tree size, the
     * leaves and the checkpoints are all read as of its first query. It takes no lock, so appends go on (and
     * commit) while it runs; what they add is for the next verify. The result names the tree size it checked.
     */
    private Result verify(List<Witnessed> witnessed) {
        log.readSnapshot();
        long size = log.size();
        List<Checkpoint> stored = log.checkpoints().stream().filter(c -> c.treeSize <= size).toList();
        Set<Long> checkpointSizes = new HashSet<>();
        stored.forEach(c -> checkpointSizes.add(c.treeSize));
        witnessed.forEach(w -> checkpointSizes.add(w.treeSize()));
        Map<Long, byte[]> recomputedRoots = new HashMap<>();
        recomputedRoots.put(0L, MerkleHashes.emptyRoot());
        List<byte[]> stack = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        long[] firstMismatch = { -1 };
        long[] expected = { 0 };

        log.forEachLeaf(size, row -> {
            long index = ((Number) row[0]).longValue();
            byte[] leafHash = MerkleHashes.leafHash(((String) row[1]).getBytes(StandardCharsets.UTF_8));
            boolean matches = index == expected[0] && Arrays.equals(leafHash, (byte[]) row[2])
                    && Arrays.equals(leafHash, (byte[]) row[3]);
            if (!matches && firstMismatch[0] < 0) {
                firstMismatch[0] = Math.min(index, expected[0]);
            }
            expected[0] = index + 1;
            byte[] hash = leafHash;
            int level = 0;
            while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
                hash = MerkleHashes.nodeHash(stack.remove(stack.size() - 1), hash);
                levels.remove(levels.size() - 1);
                level++;
            }
            stack.add(hash);
            levels.add(level);
            if (checkpointSizes.contains(index + 1)) {
                recomputedRoots.put(index + 1, root(stack));
            }
        });

        List<String> problems = new ArrayList<>();
        if (firstMismatch[0] >= 0) {
            problems.add("leaf " + firstMismatch[0] + " no longer matches its stored hash");
        }
        byte[] publicKey = checkpoints.publicKeyRaw();
        for (Checkpoint checkpoint : stored) {
            try {
                SignedNote.verify(checkpoint.note, checkpoint.origin, publicKey);
            } catch (IllegalArgumentException e) {
                problems.add("checkpoint " + checkpoint.id + " (size " + checkpoint.treeSize + "): " + e.getMessage());
                continue;
            }
            byte[] recomputed = recomputedRoots.get(checkpoint.treeSize);
            if (recomputed == null || !Arrays.equals(recomputed, checkpoint.rootHash)
                    || !checkpoint.note.startsWith(SignedNote.checkpointBody(checkpoint.origin, checkpoint.treeSize, recomputed))) {
                problems.add("checkpoint " + checkpoint.id + " (size " + checkpoint.treeSize
                        + ") does not match the tree the leaves give");
            }
        }
        for (Witnessed w : witnessed) {
            byte[] recomputed = recomputedRoots.get(w.treeSize());
            if (w.treeSize() > size) {
                problems.add("witness " + w.witness() + " cosigned a tree of " + w.treeSize() + " leaves; the log has " + size);
            } else if (recomputed == null || !Arrays.equals(recomputed, w.rootHash())) {
                problems.add("the tree of " + w.treeSize() + " leaves does not match the checkpoint witness " + w.witness()
                        + " cosigned: the log's history changed");
            }
        }
        return new Result(problems.isEmpty(), size, firstMismatch[0] < 0 ? null : firstMismatch[0],
                stored.size() + witnessed.size(), problems);
    }

    private static byte[] root(List<byte[]> stack) {
        byte[] hash = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.nodeHash(stack.get(i), hash);
        }
        return hash;
    }
}
