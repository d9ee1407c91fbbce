package org.privacyplatform.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.RfcReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A log computed in the test, the way the audit service would serve it: leaves are CloudEvent-like canonical
 * JSON texts, roots and proofs come from the naive RFC 9162 transcription ({@link RfcReference}), checkpoints are
 * C2SP notes signed with a fresh Ed25519 key. Every method returns new JSON, free to be tampered with.
 */
final class Evidence {

    static final String ORIGIN = "test.example/audit";
    static final String ALICE = "7d4f0f5e-alice";
    static final String BOB = "a93c21b0-bob";

    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> canonicals;
    final Ed25519Keys keys;
    final String publicKey;
    private final List<byte[]> leaves = new ArrayList<>();

    /** A log of {@code size} events, every third one about {@link #ALICE}, the others about {@link #BOB}. */
    Evidence(int size) {
        this(defaultLeaves(size), newKeys());
    }

    Evidence(List<String> canonicals, Ed25519Keys keys) {
        this.canonicals = List.copyOf(canonicals);
        this.keys = keys;
        this.publicKey = Base64.getEncoder().encodeToString(keys.publicKeyRaw());
        for (String canonical : canonicals) {
            leaves.add(canonical.getBytes(StandardCharsets.UTF_8));
        }
    }

    static Ed25519Keys newKeys() {
        Ed25519Keys.Encoded encoded = Ed25519Keys.generate();
        return new Ed25519Keys(encoded.base64Seed(), encoded.base64Public());
    }

    static List<String> defaultLeaves(int size) {
        List<String> canonicals = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            canonicals.add(canonical(eventId(i), subjectOf(i), i));
        }
        return canonicals;
    }

    static String eventId(int index) {
        return String.format("00000000-0000-4000-8000-%012d", index);
    }

    static String subjectOf(int index) {
        return index % 3 == 0 ? ALICE : BOB;
    }

    /** A structured-mode CloudEvent in RFC 8785 form (keys sorted, no whitespace), as the log stores it. */
    static String canonical(String id, String subject, int n) {
        return "{\"data\":{\"n\":" + n + "},\"datacontenttype\":\"application/json\",\"id\":\"" + id
                + "\",\"source\":\"/consent-service\",\"specversion\":\"1.0\",\"subject\":\"" + subject
                + "\",\"type\":\"consent.given\"}";
    }

    int size() {
        return leaves.size();
    }

    byte[] root(int treeSize) {
        return RfcReference.mth(leaves.subList(0, treeSize));
    }

    /** GET /audit/checkpoint for the log at {@code treeSize}. */
    ObjectNode checkpoint(int treeSize) {
        byte[] root = root(treeSize);
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(ORIGIN, treeSize, root), ORIGIN, keys);
        ObjectNode checkpoint = JSON.createObjectNode();
        checkpoint.put("origin", ORIGIN);
        checkpoint.put("treeSize", treeSize);
        checkpoint.put("rootHash", MerkleHashes.toHex(root));
        checkpoint.put("timestamp", "2025-03-01T12:00:00Z");
        checkpoint.put("keyId", signed.keyId());
        checkpoint.put("signature", signed.signature());
        checkpoint.put("note", signed.noteText());
        return checkpoint;
    }

    /** GET /audit/public-key. */
    ObjectNode publicKeyJson() {
        ObjectNode key = JSON.createObjectNode();
        key.put("origin", ORIGIN);
        key.put("keyId", SignedNote.keyId(ORIGIN, keys.publicKeyRaw()));
        key.put("algorithm", "Ed25519");
        key.put("publicKey", publicKey);
        return key;
    }

    /** One event of an evidence bundle, with its inclusion proof in the tree of {@code treeSize}. */
    ObjectNode event(int index, int treeSize) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId(index));
        event.put("leafIndex", index);
        event.put("leafHash", MerkleHashes.toHex(MerkleHashes.leafHash(leaves.get(index))));
        event.put("canonical", canonicals.get(index));
        event.set("auditPath", hexArray(RfcReference.path(index, leaves.subList(0, treeSize))));
        return event;
    }

    /** GET /audit/subjects/{subject}/evidence for the log at {@code treeSize}: the default leaves' subjects. */
    ObjectNode bundle(String subject, int treeSize) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("subjectId", subject);
        bundle.set("checkpoint", checkpoint(treeSize));
        bundle.set("publicKey", publicKeyJson());
        ArrayNode events = bundle.putArray("events");
        for (int i = 0; i < treeSize; i++) {
            if (canonicals.get(i).contains("\"subject\":\"" + subject + "\"")) {
                events.add(event(i, treeSize));
            }
        }
        return bundle;
    }

    /** GET /audit/proofs/inclusion/{eventId}?treeSize=. */
    ObjectNode inclusion(int index, int treeSize) {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("eventId", eventId(index));
        proof.put("leafIndex", index);
        proof.put("treeSize", treeSize);
        proof.put("rootHash", MerkleHashes.toHex(root(treeSize)));
        proof.set("auditPath", hexArray(RfcReference.path(index, leaves.subList(0, treeSize))));
        return proof;
    }

    /** GET /audit/proofs/consistency?from=&to=. */
    ObjectNode consistency(int from, int to) {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("fromSize", from);
        proof.put("toSize", to);
        proof.put("fromRoot", MerkleHashes.toHex(root(from)));
        proof.put("toRoot", MerkleHashes.toHex(root(to)));
        proof.set("proof", hexArray(RfcReference.proof(from, leaves.subList(0, to))));
        return proof;
    }

    private static ArrayNode hexArray(List<byte[]> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(hash -> array.add(MerkleHashes.toHex(hash)));
        return array;
    }

    /** {@code hex} with one bit flipped. */
    static String flipHex(String hex, int bit) {
        return MerkleHashes.toHex(flip(MerkleHashes.fromHex(hex), bit));
    }

    /** Base64 {@code text} with one bit of the decoded bytes flipped. */
    static String flipBase64(String text, int bit) {
        return Base64.getEncoder().encodeToString(flip(Base64.getDecoder().decode(text), bit));
    }

    static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
