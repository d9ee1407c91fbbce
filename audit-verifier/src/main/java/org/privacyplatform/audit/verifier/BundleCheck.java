package org.privacyplatform.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleVerifier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks an evidence bundle as {@code GET /audit/subjects/{subjectId}/evidence} serves it:
 *
 * <pre>
 * {"subjectId", "subjectPseudonym", "checkpoint": {...}, "publicKey": {"origin", "keyId", "algorithm", "publicKey"},
 *  "events": [{"eventId", "leafIndex", "leafHash", "canonical", "auditPath": [hex, ...]}]}
 * </pre>
 *
 * A shredded leaf comes as {@code {"eventId", "leafIndex", "leafHash", "shredded": true, "auditPath"}}: its text
 * is gone, so it is checked by its stored hash within the tree only, and the report says so. {@code subjectPseudonym}
 * (optional) is what the log indexes the subject by; a leaf about it instead of the id is accepted.
 *
 * <pre>
 * </pre>
 *
 * The key, the checkpoint (see {@link CheckpointCheck}), then per event: the leaf hash recomputed from the
 * canonical text, the text is that event of that subject, the leaf index is inside the checkpoint's tree, and the
 * audit path leads from the recomputed leaf hash to the checkpoint's root.
 */
final class BundleCheck {

    private BundleCheck() {
    }

    /**
     * @param bundle    the parsed bundle
     * @param pinnedKey the raw key the auditor trusts, or null to take the bundle's own (warned about)
     * @throws Json.InputError when this is not an evidence bundle at all (a part is missing)
     */
    static void check(JsonNode bundle, byte[] pinnedKey, Witnessing witnessing, Report report) throws Json.InputError {
        String subjectId = Json.string(bundle, "subjectId", "bundle");
        // what the log indexes the subject by: the leaves it appends itself about them (EvidenceShredded) name it
        JsonNode pseudonymNode = bundle.get("subjectPseudonym");
        String subjectPseudonym = pseudonymNode != null && pseudonymNode.isTextual() ? pseudonymNode.textValue() : null;
        JsonNode checkpoint = Json.objectMember(bundle, "checkpoint", "bundle");
        JsonNode publicKey = Json.objectMember(bundle, "publicKey", "bundle");
        JsonNode events = Json.member(bundle, "events", "bundle");
        if (!events.isArray()) {
            throw new Json.InputError("bundle.events is not an array");
        }

        byte[] key = checkKey(publicKey, checkpoint, pinnedKey, report);
        CheckpointCheck.Values values = CheckpointCheck.check("checkpoint", checkpoint, key, witnessing, report);

        Map<String, Integer> timesListed = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String eventId = checkEvent(i, events.get(i), subjectId, subjectPseudonym, values, report);
            if (eventId != null) {
                timesListed.merge(eventId, 1, Integer::sum);
            }
        }
        timesListed.forEach((eventId, times) -> {
            if (times > 1) {
                report.fail("event " + eventId + " is listed " + times + " times (the log holds every event once)");
            }
        });
        if (events.isEmpty()) {
            report.warn("the bundle lists no event of subject " + subjectId);
        }
    }

    /** The public key section, and the pin; returns the key to verify with (the pinned one when pinned). */
    private static byte[] checkKey(JsonNode publicKey, JsonNode checkpoint, byte[] pinnedKey, Report report) {
        String label = "public key";
        if (pinnedKey == null) {
            report.warn("the public key is not pinned: the bundle is checked against the key it brings itself, so "
                    + "anyone could have made it; pass the log's key, obtained independently, with --public-key");
        }
        String algorithm = report.read(label, () -> Json.string(publicKey, "algorithm", ""));
        if (algorithm != null) {
            report.check("Ed25519".equals(algorithm), label + ": algorithm Ed25519",
                    label + ": algorithm " + algorithm + ", not Ed25519");
        }
        byte[] bundleKey = report.read(label, () -> Json.base64(publicKey, "publicKey", "", Ed25519Keys.KEY_LENGTH));
        if (pinnedKey != null) {
            report.check(bundleKey != null && MessageDigest.isEqual(bundleKey, pinnedKey),
                    label + ": the bundle's key is the pinned key " + Json.base64(pinnedKey),
                    label + ": the bundle's key " + (bundleKey == null ? "(unusable)" : Json.base64(bundleKey))
                            + " is not the pinned key " + Json.base64(pinnedKey));
        }
        byte[] key = pinnedKey != null ? pinnedKey : bundleKey;

        JsonNode checkpointOrigin = checkpoint.get("origin");
        String origin = report.read(label, () -> Json.string(publicKey, "origin", ""));
        if (origin != null && checkpointOrigin != null && checkpointOrigin.isTextual()) {
            report.check(origin.equals(checkpointOrigin.textValue()), label + ": origin " + origin + " is the checkpoint's",
                    label + ": origin " + origin + " is not the checkpoint's (" + checkpointOrigin.textValue() + ")");
        }
        String keyId = report.read(label, () -> Json.string(publicKey, "keyId", ""));
        if (keyId != null && origin != null && key != null) {
            String expected = CheckpointCheck.keyIdOf(origin, key);
            report.check(keyId.equalsIgnoreCase(expected), label + ": keyId " + keyId + " is the key's",
                    label + ": keyId " + keyId + " is not the key's (" + expected + ")");
        }
        return key;
    }

    /** One event's checks; returns its event ID, or null when it has none. */
    private static String checkEvent(int i, JsonNode event, String subjectId, String subjectPseudonym,
            CheckpointCheck.Values checkpoint, Report report) {
        String path = "events[" + i + "]";
        if (!event.isObject()) {
            report.fail(path + " is not a JSON object");
            return null;
        }
        JsonNode idNode = event.get("eventId");
        JsonNode indexNode = event.get("leafIndex");
        String label = "event " + (idNode != null && idNode.isTextual() ? idNode.textValue() : path)
                + (indexNode != null && indexNode.isIntegralNumber() ? " (leaf " + indexNode.asText() + ")" : "");

        String eventId = report.read(label, () -> Json.string(event, "eventId", ""));
        Long leafIndex = report.read(label, () -> Json.count(event, "leafIndex", ""));
        byte[] leafHash = report.read(label, () -> Json.hash(event, "leafHash", ""));
        JsonNode shreddedNode = event.get("shredded");
        boolean shredded = shreddedNode != null && shreddedNode.isBoolean() && shreddedNode.booleanValue()
                && event.get("canonical") == null;
        String canonical = shredded ? null : report.read(label, () -> Json.string(event, "canonical", ""));
        List<byte[]> auditPath = report.read(label, () -> Json.hashes(event, "auditPath", ""));

        // Recomputed: the given leafHash is only compared, never used; except for a shredded leaf, whose text is gone
        // and which proves by its stored hash alone (that it is in the tree, not what it said)
        byte[] computed = canonical == null ? null : MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
        if (shredded) {
            report.warn(label + ": shredded (its subject's evidence period ended): checked by its stored leaf hash "
                    + "within the tree only, its text is gone");
            computed = leafHash;
        }
        if (!shredded && computed != null && leafHash != null) {
            report.check(Arrays.equals(computed, leafHash),
                    label + ": leafHash is SHA-256(0x00 || canonical)",
                    label + ": leafHash " + Json.hex(leafHash) + " is not SHA-256(0x00 || canonical) = "
                            + Json.hex(computed));
        }
        if (canonical != null) {
            checkContent(label, canonical, eventId, subjectId, subjectPseudonym, report);
        }
        if (leafIndex != null && checkpoint.treeSize() != null) {
            report.check(leafIndex < checkpoint.treeSize(),
                    label + ": leaf index " + leafIndex + " is inside the tree of size " + checkpoint.treeSize(),
                    label + ": leaf index " + leafIndex + " is not below the checkpoint's tree size "
                            + checkpoint.treeSize());
        }
        if (computed != null && leafIndex != null && auditPath != null) {
            if (!checkpoint.usable()) {
                report.fail(label + ": inclusion cannot be checked: the checkpoint has no usable tree size and root");
            } else if (leafIndex < checkpoint.treeSize()) {
                report.check(MerkleVerifier.verifyInclusion(leafIndex, checkpoint.treeSize(), computed, auditPath,
                        checkpoint.rootHash()),
                        label + ": inclusion proof leads to " + checkpoint.describe(),
                        label + ": inclusion proof does not lead to " + checkpoint.describe());
            }
        }
        return eventId;
    }

    /** The canonical text is a JSON event whose {@code id} is the event ID and whose {@code subject} the subject. */
    private static void checkContent(String label, String canonical, String eventId, String subjectId,
            String subjectPseudonym, Report report) {
        JsonNode leaf;
        try {
            leaf = Json.object(canonical, "canonical");
        } catch (Json.InputError e) {
            report.fail(label + ": " + e.getMessage());
            return;
        }
        if (eventId != null) {
            JsonNode id = leaf.get("id");
            report.check(id != null && id.isTextual() && id.textValue().equals(eventId),
                    label + ": canonical is the event " + eventId,
                    label + ": canonical is the event " + Json.describe(id) + ", not " + eventId);
        }
        JsonNode subject = leaf.get("subject");
        if (subjectPseudonym != null && subject != null && subject.isTextual() && subject.textValue().equals(subjectPseudonym)) {
            // the log's own leaves about the subject (EvidenceShredded) name the pseudonym; that it is this subject's
            // pseudonym only the log's pseudonym key can tell
            report.ok(label + ": canonical is about the bundle's subject pseudonym " + subjectPseudonym
                    + " (that it is " + subjectId + "'s, the platform's pseudonym key alone can tell)");
            return;
        }
        report.check(subject != null && subject.isTextual() && subject.textValue().equals(subjectId),
                label + ": canonical is about subject " + subjectId,
                label + ": canonical is about subject " + Json.describe(subject) + ", not " + subjectId);
    }
}
