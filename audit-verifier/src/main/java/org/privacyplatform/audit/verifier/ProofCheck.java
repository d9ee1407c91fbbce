package org.privacyplatform.audit.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleVerifier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Single proofs against signed checkpoints: an inclusion proof as {@code GET /audit/proofs/inclusion/{eventId}}
 * serves it ({@code {"leafIndex", "treeSize", "rootHash", "auditPath"}}) with the leaf's canonical text, and a
 * consistency proof as {@code GET /audit/proofs/consistency} serves it ({@code {"fromSize", "toSize", "fromRoot",
 * "toRoot", "proof"}}) with the two checkpoints it is between. The proofs are checked against the sizes and roots
 * of the checkpoints, never against the sizes and roots the proofs carry themselves.
 */
final class ProofCheck {

    private ProofCheck() {
    }

    /**
     * @param leaf the exact bytes of the leaf (the event's canonical JSON text)
     */
    static void inclusion(JsonNode checkpointJson, byte[] key, Witnessing witnessing, JsonNode proof, byte[] leaf,
            Report report) {
        CheckpointCheck.Values checkpoint = CheckpointCheck.check("checkpoint", checkpointJson, key, witnessing, report);

        String label = "proof";
        Long leafIndex = report.read(label, () -> Json.count(proof, "leafIndex", ""));
        Long treeSize = report.read(label, () -> Json.count(proof, "treeSize", ""));
        byte[] rootHash = report.read(label, () -> Json.hash(proof, "rootHash", ""));
        List<byte[]> auditPath = report.read(label, () -> Json.hashes(proof, "auditPath", ""));
        if (treeSize != null && checkpoint.treeSize() != null) {
            report.check(treeSize.equals(checkpoint.treeSize()),
                    label + ": for tree size " + treeSize + ", the checkpoint's",
                    label + ": for tree size " + treeSize + ", not the checkpoint's " + checkpoint.treeSize()
                            + " (ask for it with ?treeSize=" + checkpoint.treeSize() + ")");
        }
        if (rootHash != null && checkpoint.rootHash() != null) {
            report.check(Arrays.equals(rootHash, checkpoint.rootHash()), label + ": root hash is the checkpoint's",
                    label + ": root hash " + Json.hex(rootHash) + " is not the checkpoint's "
                            + Json.hex(checkpoint.rootHash()));
        }

        byte[] leafHash = MerkleHashes.leafHash(leaf);
        JsonNode eventId = proof.get("eventId");
        String leafLabel = "leaf" + (leafIndex == null ? "" : " " + leafIndex)
                + (eventId != null && eventId.isTextual() ? " (event " + eventId.textValue() + ")" : "");
        if (eventId != null && eventId.isTextual()) {
            checkEventId(leafLabel, leaf, eventId.textValue(), report);
        }
        if (leafIndex != null && checkpoint.treeSize() != null) {
            report.check(leafIndex < checkpoint.treeSize(),
                    leafLabel + ": leaf index " + leafIndex + " is inside the tree of size " + checkpoint.treeSize(),
                    leafLabel + ": leaf index " + leafIndex + " is not below the checkpoint's tree size "
                            + checkpoint.treeSize());
        }
        if (leafIndex != null && auditPath != null) {
            if (!checkpoint.usable()) {
                report.fail(leafLabel + ": inclusion cannot be checked: the checkpoint has no usable tree size and root");
            } else if (leafIndex < checkpoint.treeSize()) {
                report.check(MerkleVerifier.verifyInclusion(leafIndex, checkpoint.treeSize(), leafHash, auditPath,
                        checkpoint.rootHash()),
                        leafLabel + ": inclusion proof leads from leaf hash " + Json.hex(leafHash) + " to "
                                + checkpoint.describe(),
                        leafLabel + ": inclusion proof does not lead from leaf hash " + Json.hex(leafHash) + " to "
                                + checkpoint.describe());
            }
        }
    }

    /** The two checkpoints may come in either order: the smaller tree is the older one. */
    static void consistency(JsonNode first, JsonNode second, byte[] key, Witnessing witnessing, JsonNode proof,
            Report report) {
        boolean swap = first.path("treeSize").asLong(-1) > second.path("treeSize").asLong(-1);
        CheckpointCheck.Values older = CheckpointCheck.check("older checkpoint", swap ? second : first, key, witnessing, report);
        CheckpointCheck.Values newer = CheckpointCheck.check("newer checkpoint", swap ? first : second, key, witnessing, report);
        if (older.origin() != null && newer.origin() != null) {
            report.check(older.origin().equals(newer.origin()), "checkpoints: both of origin " + older.origin(),
                    "checkpoints: of two origins, " + older.origin() + " and " + newer.origin());
        }

        String label = "proof";
        Long fromSize = report.read(label, () -> Json.count(proof, "fromSize", ""));
        Long toSize = report.read(label, () -> Json.count(proof, "toSize", ""));
        byte[] fromRoot = report.read(label, () -> Json.hash(proof, "fromRoot", ""));
        byte[] toRoot = report.read(label, () -> Json.hash(proof, "toRoot", ""));
        List<byte[]> hashes = report.read(label, () -> Json.hashes(proof, "proof", ""));
        if (fromSize != null && toSize != null && fromRoot != null && toRoot != null && older.usable()
                && newer.usable()) {
            List<String> differences = new ArrayList<>();
            if (!fromSize.equals(older.treeSize())) {
                differences.add("fromSize " + fromSize + " is not the older checkpoint's tree size " + older.treeSize());
            }
            if (!toSize.equals(newer.treeSize())) {
                differences.add("toSize " + toSize + " is not the newer checkpoint's tree size " + newer.treeSize());
            }
            if (!Arrays.equals(fromRoot, older.rootHash())) {
                differences.add("fromRoot " + Json.hex(fromRoot) + " is not the older checkpoint's root "
                        + Json.hex(older.rootHash()));
            }
            if (!Arrays.equals(toRoot, newer.rootHash())) {
                differences.add("toRoot " + Json.hex(toRoot) + " is not the newer checkpoint's root "
                        + Json.hex(newer.rootHash()));
            }
            report.check(differences.isEmpty(),
                    label + ": from tree size " + fromSize + " to " + toSize + ", between the checkpoints' roots",
                    label + ": " + String.join("; ", differences));
        }
        if (hashes != null) {
            if (!older.usable() || !newer.usable()) {
                report.fail("consistency cannot be checked: a checkpoint has no usable tree size and root");
            } else {
                report.check(MerkleVerifier.verifyConsistency(older.treeSize(), newer.treeSize(), older.rootHash(),
                        newer.rootHash(), hashes),
                        "consistency: the tree of " + newer.describe() + " extends the tree of " + older.describe()
                                + " (append-only)",
                        "consistency: the proof does not show that the tree of " + newer.describe()
                                + " extends the tree of " + older.describe()
                                + (older.treeSize() == 0 ? " (the log gives no proof from the empty tree)" : ""));
            }
        }
    }

    private static void checkEventId(String label, byte[] leaf, String eventId, Report report) {
        JsonNode event;
        try {
            event = Json.object(Json.utf8(leaf, "the leaf"), "the leaf");
        } catch (Json.InputError e) {
            report.fail(label + ": " + e.getMessage());
            return;
        }
        JsonNode id = event.get("id");
        report.check(id != null && id.isTextual() && id.textValue().equals(eventId),
                label + ": the leaf is the event " + eventId,
                label + ": the leaf is the event " + Json.describe(id) + ", not "
                        + eventId);
    }
}
