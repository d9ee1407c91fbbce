package org.privacyplatform.audit.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.CheckpointCosignature;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.service.Checkpoints;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the audit API answers. Hashes are lowercase hex; keys and signatures base64 (ARCHITECTURE.md). */
public final class AuditViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditViews() {
    }

    /**
     * A published checkpoint: {@code note} is the log's signed note with the witnesses' cosignature lines, and
     * {@code cosignatures} lists them (empty when no witness is configured, local development only).
     */
    public record CheckpointView(String origin, long treeSize, String rootHash, OffsetDateTime timestamp, String keyId,
            String signature, String note, List<CosignatureView> cosignatures) {
        static CheckpointView of(Checkpoints.Published published) {
            Checkpoint c = published.checkpoint();
            return new CheckpointView(c.origin, c.treeSize, MerkleHashes.toHex(c.rootHash), c.createdAt, c.keyId, c.signature,
                    published.note(), published.cosignatures().stream().map(CosignatureView::of).toList());
        }
    }

    /**
     * A witness's cosignature (C2SP cosignature/v1): the witness's key name, the 4-byte key ID in hex, the signed
     * timestamp in POSIX seconds and the 64-byte Ed25519 signature in base64 over
     * {@code "cosignature/v1\ntime <timestamp>\n" + <the checkpoint's text>}.
     */
    public record CosignatureView(String witness, String keyId, long timestamp, String signature) {
        static CosignatureView of(CheckpointCosignature c) {
            return new CosignatureView(c.witness, c.keyId, c.cosignedAt, c.signature);
        }
    }

    /** A witness the log submits its checkpoints to: key name, submission URL prefix, raw 32-byte public key (base64). */
    public record WitnessView(String name, String url, String publicKey) {
    }

    /** An event of the log as {@code GET /audit/events/{eventId}} answers it: readable, or shredded. */
    @Schema(oneOf = { EventView.class, ShreddedEventView.class })
    public sealed interface LeafView permits EventView, ShreddedEventView {

        static LeafView of(AuditLeaf leaf, Optional<String> canonical) {
            return canonical.<LeafView>map(text -> EventView.of(leaf, text))
                    .orElseGet(() -> new ShreddedEventView(leaf.leafIndex, MerkleHashes.toHex(leaf.leafHash), true));
        }
    }

    public record EventView(long leafIndex, String leafHash, String canonical, JsonNode event, String topic,
            OffsetDateTime appendedAt) implements LeafView {
        static EventView of(AuditLeaf leaf, String canonical) {
            try {
                return new EventView(leaf.leafIndex, MerkleHashes.toHex(leaf.leafHash), canonical, JSON.readTree(canonical),
                        leaf.topic, leaf.appendedAt);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("leaf " + leaf.leafIndex + " is not JSON", e);
            }
        }
    }

    /**
     * A leaf whose text was destroyed when its subject's evidence period ended: what stays is its place and its hash,
     * which every proof still uses.
     */
    public record ShreddedEventView(long leafIndex, String leafHash, boolean shredded) implements LeafView {
    }

    /**
     * @param next the next page's path and query; null on the last page
     * @param sealedThrough for a calling system only: the leaf of the subject's latest completed erasure, whose events
     *            up to it are sealed and not listed; absent when nothing is withheld
     */
    public record EventPage(List<LeafView> items, int page, int size, String next,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long sealedThrough) {
    }

    public record InclusionView(String eventId, long leafIndex, long treeSize, String rootHash, List<String> auditPath) {
    }

    public record ConsistencyView(long fromSize, long toSize, String fromRoot, String toRoot, List<String> proof) {
    }

    /**
     * One event of an evidence bundle, with its inclusion proof against the bundle's checkpoint; a shredded leaf has
     * no {@code canonical} and {@code "shredded": true}, and proves by its stored hash.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceEvent(String eventId, long leafIndex, String leafHash, String canonical, Boolean shredded,
            List<String> auditPath) {
    }

    /**
     * Everything a regulator needs to check a subject's events offline; {@code subjectPseudonym} is what the log
     * indexes the subject by (the leaves the log appends itself about the subject, such as {@code EvidenceShredded},
     * name it instead of the id); {@code next} names the bundle's next page (proving against the same checkpoint),
     * absent on the last.
     */
    public record EvidenceBundle(String subjectId, String subjectPseudonym, CheckpointView checkpoint,
            PublicKeyView publicKey, List<EvidenceEvent> events, @JsonInclude(JsonInclude.Include.NON_NULL) String next,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long sealedThrough) {
    }

    /** @param verifierKey the signed-note verifier key ({@code <name>+<key ID>+<base64(0x01 || key)>}) a witness is configured with */
    public record PublicKeyView(String origin, String keyId, String algorithm, String publicKey, String verifierKey) {
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHashes::toHex).toList();
    }
}
