package org.privacyplatform.audit.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.AEADBadTagException;

import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.crypto.Aead;
import org.privacyplatform.audit.crypto.LeafCipher;
import org.privacyplatform.audit.crypto.MasterKeys;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.repository.LogRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recomputes the tree from the leaves' text (decrypted; a shredded leaf counts by its stored hash, which the
 * recomputed roots then check within the tree), in one streaming pass with a stack of at most log n
 * subtree hashes. Compares each recomputed leaf hash with the stored one, and each recomputed root with every
 * signed checkpoint (whose signature it checks too). Names the first leaf that no longer matches.
 */
@ApplicationScoped
public class LogVerifier {

    /**
     * @param firstMismatch the first leaf whose text no longer gives its stored hash (null if none); a
     *                      mismatching checkpoint with no such leaf means hashes were rewritten consistently
     */
    public record Result(boolean valid, long treeSize, Long firstMismatch, int checkpointsChecked, long shreddedLeaves,
            List<String> problems) {
    }

    /** A checkpoint a witness holds as the latest it cosigned: its size and root hash. */
    private record Witnessed(String witness, long treeSize, byte[] rootHash) {
    }

    private final LogRepository log;
    private final Checkpoints checkpoints;
    private final Witnesses witnesses;
    private final AuditConfig config;
    private final LeafVault vault;

    public LogVerifier(LogRepository log, Checkpoints checkpoints, Witnesses witnesses, AuditConfig config,
            LeafVault vault) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
        this.config = config;
        this.vault = vault;
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
        long[] shredded = { 0 };
        Aead aead = new Aead();
        DataKeyCache keys = new DataKeyCache();

        log.forEachLeaf(size, row -> {
            long index = ((Number) row[0]).longValue();
            byte[] storedHash = (byte[]) row[1];
            byte[] leafHash;
            if (row[4] != null) {
                // the text, decrypted under its data key with the stored leaf hash as associated data, hashed again
                String text = keys.decrypt(aead, (String) row[5], (String) row[6], (byte[]) row[7], (byte[]) row[3],
                        (byte[]) row[4], storedHash);
                leafHash = text == null ? null : MerkleHashes.leafHash(text.getBytes(StandardCharsets.UTF_8));
            } else if (row[8] != null) {
                // appended before leaf encryption and not encrypted yet: the staged clear text
                leafHash = MerkleHashes.leafHash(((String) row[8]).getBytes(StandardCharsets.UTF_8));
            } else {
                // shredded: no text to hash; the stored leaf hash must still be the tree's (checked by the roots)
                shredded[0]++;
                leafHash = storedHash;
            }
            boolean matches = index == expected[0] && leafHash != null && Arrays.equals(leafHash, storedHash)
                    && Arrays.equals(leafHash, (byte[]) row[2]);
            if (leafHash == null) {
                leafHash = storedHash;
            }
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
        long recorded = log.shreddedLeaves();
        if (shredded[0] != recorded) {
            // a text deleted behind the log's back looks shredded: the log's own record of its shreddings says otherwise
            problems.add(shredded[0] + " leaves have no text, but the log shredded " + recorded);
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
                stored.size() + witnessed.size(), shredded[0], problems);
    }

    /** The data keys met while streaming, unwrapped once each (a log holds one per subject: bounded, LRU). */
    private final class DataKeyCache extends LinkedHashMap<String, byte[]> {

        private static final int MAX_KEYS = 10_000;

        DataKeyCache() {
            super(1024, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_KEYS;
        }

        /** The text, or null when it cannot be decrypted as this leaf (no key, altered, moved). */
        String decrypt(Aead aead, String keyRef, String masterKeyId, byte[] wrapped, byte[] nonce, byte[] ciphertext,
                byte[] leafHash) {
            if (wrapped == null) {
                return null;
            }
            try {
                byte[] key = get(keyRef);
                if (key == null) {
                    key = vault.unwrap(aead, keyRef, new MasterKeys.Wrapped(masterKeyId, wrapped));
                    put(keyRef, key);
                }
                return LeafCipher.decrypt(aead, key, nonce, ciphertext, leafHash);
            } catch (AEADBadTagException | IllegalStateException e) {
                return null;
            }
        }
    }

    private static byte[] root(List<byte[]> stack) {
        byte[] hash = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.nodeHash(stack.get(i), hash);
        }
        return hash;
    }
}
