package org.privacyplatform.audit.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.audit.rest.AuditViews.CheckpointView;
import org.privacyplatform.audit.rest.AuditViews.ConsistencyView;
import org.privacyplatform.audit.rest.AuditViews.EventPage;
import org.privacyplatform.audit.rest.AuditViews.EventView;
import org.privacyplatform.audit.rest.AuditViews.EvidenceBundle;
import org.privacyplatform.audit.rest.AuditViews.EvidenceEvent;
import org.privacyplatform.audit.rest.AuditViews.InclusionView;
import org.privacyplatform.audit.rest.AuditViews.PublicKeyView;
import org.privacyplatform.audit.service.Checkpoints;
import org.privacyplatform.audit.service.LogVerifier;
import org.privacyplatform.audit.service.Proofs;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Caller;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectId;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/audit")
@Tag(name = "Audit log", description = "Every platform event, once, in an RFC 9162 Merkle log with signed checkpoints")
@RolesAllowed({ Roles.AUDITOR, Roles.DPO })
public class AuditResource {

    private final Checkpoints checkpoints;
    private final Proofs proofs;
    private final LogVerifier verifier;
    private final LogRepository log;
    private final AuditConfig config;
    private final SecurityIdentity identity;
    private final Caller caller;

    public AuditResource(Checkpoints checkpoints, Proofs proofs, LogVerifier verifier, LogRepository log, AuditConfig config,
            SecurityIdentity identity, Caller caller) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.verifier = verifier;
        this.log = log;
        this.config = config;
        this.identity = identity;
        this.caller = caller;
    }

    @GET
    @Path("/checkpoint")
    @Operation(summary = "The signed tree head of the whole log as it is now (C2SP signed note, Ed25519)")
    public CheckpointView checkpoint() {
        return CheckpointView.of(checkpoints.current());
    }

    @GET
    @Path("/public-key")
    @PermitAll
    @Operation(summary = "The raw 32-byte Ed25519 key that signs checkpoints (base64), and its key id")
    public PublicKeyView publicKey() {
        var key = checkpoints.publicKey();
        return new PublicKeyView(key.origin(), key.keyId(), key.algorithm(), key.publicKey());
    }

    @GET
    @Path("/events/{eventId}")
    @Operation(summary = "One event: its leaf index, leaf hash, the exact canonical leaf and the event")
    public EventView event(@PathParam("eventId") String eventId) {
        return EventView.of(proofs.leaf(eventId));
    }

    @GET
    @Path("/events")
    @RolesAllowed({ Roles.AUDITOR, Roles.DPO, Roles.SERVICE })
    @Operation(summary = "Events in log order, filtered by subject, type and time [from, to); paged. Of the services, "
            + "only the one that assembles the access export (audit.subject-readers) reads, one subject at a time")
    public EventPage events(@RestQuery String subjectId, @RestQuery String type, @RestQuery OffsetDateTime from,
            @RestQuery OffsetDateTime to, @RestQuery @Min(0) Integer page, @RestQuery @Min(1) Integer size) {
        requireSubjectReader(subjectId);
        int pageIndex = page == null ? 0 : page;
        int pageSize = Math.min(size == null ? 100 : size, config.maxPageSize());
        List<AuditLeaf> leaves = QuarkusTransaction.joiningExisting()
                .call(() -> log.query(new LogRepository.EventQuery(subjectId, type, from, to), pageIndex, pageSize));
        return new EventPage(leaves.stream().map(EventView::of).toList(), pageIndex, pageSize);
    }

    @GET
    @Path("/proofs/inclusion/{eventId}")
    @Operation(summary = "Inclusion proof of an event in the tree of treeSize leaves (RFC 9162 2.1.3)")
    public InclusionView inclusion(@PathParam("eventId") String eventId, @RestQuery Long treeSize) {
        Proofs.Inclusion proof = proofs.inclusion(eventId, treeSize);
        return new InclusionView(eventId, proof.leafIndex(), proof.treeSize(), MerkleHashes.toHex(proof.rootHash()),
                AuditViews.hex(proof.auditPath()));
    }

    @GET
    @Path("/proofs/consistency")
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162 2.1.4)")
    public ConsistencyView consistency(@RestQuery Long from, @RestQuery Long to) {
        if (from == null) {
            throw ProblemException.badRequest("from", "from is required");
        }
        if (to == null) {
            throw ProblemException.badRequest("to", "to is required");
        }
        Proofs.Consistency proof = proofs.consistency(from, to);
        return new ConsistencyView(proof.fromSize(), proof.toSize(), MerkleHashes.toHex(proof.fromRoot()),
                MerkleHashes.toHex(proof.toRoot()), AuditViews.hex(proof.proof()));
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Recompute the tree from the leaves, compare with every checkpoint, name the first leaf that no longer matches")
    public LogVerifier.Result verify() {
        return verifier.verify();
    }

    @GET
    @Path("/subjects/{subjectId}/evidence")
    @RolesAllowed({ Roles.AUDITOR, Roles.DPO, Roles.SERVICE })
    @Operation(summary = "A subject's events with inclusion proofs against a fresh checkpoint, and the public key: "
            + "checkable offline. Of the services, only the one that assembles the access export reads it")
    public EvidenceBundle evidence(@PathParam("subjectId") @SubjectId String subjectId) {
        requireSubjectReader(subjectId);
        Checkpoint checkpoint = checkpoints.current();
        var key = checkpoints.publicKey();
        List<EvidenceEvent> events = QuarkusTransaction.joiningExisting().call(() -> {
            List<AuditLeaf> leaves = log.query(new LogRepository.EventQuery(subjectId, null, null, null), 0, Integer.MAX_VALUE)
                    .stream().filter(leaf -> leaf.leafIndex < checkpoint.treeSize).toList();
            return log.withNodes(nodes -> {
                MerkleTree tree = new MerkleTree(nodes);
                return leaves.stream()
                        .map(leaf -> new EvidenceEvent(leaf.eventId, leaf.leafIndex, MerkleHashes.toHex(leaf.leafHash),
                                leaf.canonical, AuditViews.hex(tree.inclusionProof(leaf.leafIndex, checkpoint.treeSize))))
                        .toList();
            });
        });
        return new EvidenceBundle(subjectId, CheckpointView.of(checkpoint),
                new PublicKeyView(key.origin(), key.keyId(), key.algorithm(), key.publicKey()), events);
    }

    /**
     * A subject's audit trail reaches a service only through the subject's access export: the auditor and the DPO
     * read the log freely; a calling system only if it is a configured subject reader, and one subject at a time.
     */
    private void requireSubjectReader(String subjectId) {
        if (identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.DPO)) {
            return;
        }
        if (!caller.isSystemIn(config.subjectReaders())) {
            throw ProblemException.forbidden("a subject's audit trail reaches a service only through the subject's "
                    + "access export: this calling system may not read it");
        }
        if (subjectId == null) {
            throw ProblemException.forbidden("a service reads the log one subject at a time: name the subjectId");
        }
    }
}
