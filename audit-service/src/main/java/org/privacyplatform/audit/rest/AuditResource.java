package org.privacyplatform.audit.rest;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.privacyplatform.commons.problem.ProblemResponses;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.audit.rest.AuditViews.CheckpointView;
import org.privacyplatform.audit.rest.AuditViews.ConsistencyView;
import org.privacyplatform.audit.rest.AuditViews.EventPage;
import org.privacyplatform.audit.rest.AuditViews.LeafView;
import org.privacyplatform.audit.rest.AuditViews.EvidenceBundle;
import org.privacyplatform.audit.rest.AuditViews.EvidenceEvent;
import org.privacyplatform.audit.rest.AuditViews.InclusionView;
import org.privacyplatform.audit.rest.AuditViews.PublicKeyView;
import org.privacyplatform.audit.rest.AuditViews.WitnessView;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.service.Checkpoints;
import org.privacyplatform.audit.service.Evidence;
import org.privacyplatform.audit.service.LeafVault;
import org.privacyplatform.audit.service.LogVerifier;
import org.privacyplatform.audit.service.Proofs;
import org.privacyplatform.audit.service.Witnesses;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Caller;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectId;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/audit")
@Tag(name = "Audit log", description = "Every platform event, once, in an RFC 9162 Merkle log with signed checkpoints")
@RolesAllowed({ Roles.AUDITOR, Roles.DPO })
public class AuditResource {

    /** The longest {@code ce_id} the log keeps (its column); a longer one names no event. */
    private static final int MAX_EVENT_ID = 200;

    private final Checkpoints checkpoints;
    private final Witnesses witnesses;
    private final Proofs proofs;
    private final LogVerifier verifier;
    private final Evidence evidence;
    private final LogRepository log;
    private final AuditConfig config;
    private final SecurityIdentity identity;
    private final Caller caller;
    private final LeafVault vault;

    public AuditResource(Checkpoints checkpoints, Witnesses witnesses, Proofs proofs, LogVerifier verifier, Evidence evidence,
            LogRepository log, AuditConfig config, SecurityIdentity identity, Caller caller, LeafVault vault) {
        this.vault = vault;
        this.evidence = evidence;
        this.config = config;
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
        this.proofs = proofs;
        this.verifier = verifier;
        this.log = log;
        this.identity = identity;
        this.caller = caller;
    }

    @GET
    @Path("/checkpoint")
    @Operation(summary = "The latest checkpoint of the whole log that the witnesses' quorum cosigned (a fresh one is "
            + "signed and submitted to them first): the C2SP signed note with the log's signature and the cosignature "
            + "lines, and cosignatures [{witness, keyId, timestamp, signature}]. 503 while no checkpoint was cosigned yet")
    public CheckpointView latestCheckpoint() {
        return CheckpointView.of(checkpoints.published());
    }

    @GET
    @Path("/witnesses")
    @PermitAll
    @Extension(name = ProblemResponses.PUBLIC, value = "true")
    @Operation(summary = "The witnesses that cosign checkpoints: name (the key name in their cosignature lines), url "
            + "(the submission prefix) and publicKey (raw 32-byte Ed25519 key, base64). Empty: local development only")
    public List<WitnessView> listWitnesses() {
        return witnesses.all().stream().map(w -> new WitnessView(w.name(), w.url(), w.publicKeyBase64())).toList();
    }

    @GET
    @Path("/public-key")
    @PermitAll
    @Extension(name = ProblemResponses.PUBLIC, value = "true")
    @Operation(summary = "The raw 32-byte Ed25519 key that signs checkpoints (base64), its key id, and its signed-note "
            + "verifier key (what a witness is configured with)")
    public PublicKeyView publicKey() {
        var key = checkpoints.publicKey();
        return new PublicKeyView(key.origin(), key.keyId(), key.algorithm(), key.publicKey(), key.verifierKey());
    }

    @GET
    @Path("/events/{eventId}")
    @Operation(summary = "One event: its leaf index, leaf hash, the exact canonical leaf and the event; for a leaf whose "
            + "subject's evidence was shredded, only {\"leafIndex\", \"leafHash\", \"shredded\": true}")
    public LeafView getEvent(@PathParam("eventId") @Size(max = MAX_EVENT_ID) String eventId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            AuditLeaf leaf = proofs.leaf(eventId);
            return LeafView.of(leaf, vault.texts(List.of(leaf)).get(leaf.leafIndex));
        });
    }

    @GET
    @Path("/events")
    @RolesAllowed({ Roles.AUDITOR, Roles.DPO, Roles.SERVICE })
    @Operation(summary = "Events in log order, filtered by subject, type and time [from, to). Paged (page from 0, size "
            + "1-500, default 100); next names the next page, null on the last. Of the services, only the one that "
            + "assembles the access export (audit.subject-readers) reads, one subject at a time, and only the events "
            + "after the subject's latest completed erasure (sealedThrough: that erasure's leaf; the events up to it "
            + "are sealed, dpo and auditor only). A subject is looked up through their pseudonym; a shredded leaf is "
            + "listed as {\"leafIndex\", \"leafHash\", \"shredded\": true}")
    public EventPage listEvents(@RestQuery @Size(max = SubjectId.MAX_LENGTH) String subjectId,
            @RestQuery @Size(max = 100) String type, @RestQuery OffsetDateTime from, @RestQuery OffsetDateTime to,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        Long sealedThrough = requireSubjectReader(subjectId);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        PageRequest pageRequest = PageRequest.of(page, size);
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<AuditLeaf> fetched = log.query(new LogRepository.EventQuery(
                    subjectId == null ? null : vault.lookupKeys(subjectId), type, from, to, sealedThrough), pageRequest);
            List<AuditLeaf> leaves = Paged.entries(fetched, pageRequest);
            var texts = vault.texts(leaves);
            return new EventPage(leaves.stream().map(leaf -> LeafView.of(leaf, texts.get(leaf.leafIndex))).toList(),
                    pageRequest.page(), pageRequest.size(),
                    Paged.hasNext(fetched, pageRequest) ? Paged.next(pageRequest, uri) : null, sealedThrough);
        });
    }

    @GET
    @Path("/proofs/inclusion/{eventId}")
    @Operation(summary = "Inclusion proof of an event in the tree of treeSize leaves (RFC 9162 2.1.3)")
    public InclusionView inclusionProof(@PathParam("eventId") @Size(max = MAX_EVENT_ID) String eventId, @RestQuery Long treeSize) {
        Proofs.Inclusion proof = proofs.inclusion(eventId, treeSize);
        return new InclusionView(eventId, proof.leafIndex(), proof.treeSize(), MerkleHashes.toHex(proof.rootHash()),
                AuditViews.hex(proof.auditPath()));
    }

    @GET
    @Path("/proofs/consistency")
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162 2.1.4)")
    public ConsistencyView consistencyProof(@RestQuery Long from, @RestQuery Long to) {
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
    @Operation(summary = "Recompute the tree from the leaves (decrypted; a shredded leaf by its stored hash), compare with every "
            + "checkpoint, name the first leaf that no longer matches; shreddedLeaves counts the leaves without text")
    public LogVerifier.Result verifyLog() {
        return verifier.verify();
    }

    @GET
    @Path("/subjects/{subjectId}/evidence")
    @RolesAllowed({ Roles.AUDITOR, Roles.DPO, Roles.SERVICE })
    @Operation(summary = "A subject's events with inclusion proofs against a fresh checkpoint, and the public key: checkable "
            + "offline. Paged (page from 0, size 1-500, default 100): next names the next page, which proves against the "
            + "same checkpoint (its treeSize); null on the last. Of the services, only the one that assembles the access "
            + "export reads it, and only the events after the subject's latest completed erasure (sealedThrough)")
    public EvidenceBundle subjectEvidence(@PathParam("subjectId") @SubjectId String subjectId, @RestQuery Long treeSize,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        Long sealedThrough = requireSubjectReader(subjectId);
        PageRequest pageRequest = PageRequest.of(page, size);
        Evidence.Page evidencePage = evidence.page(subjectId, sealedThrough == null ? -1 : sealedThrough, treeSize,
                pageRequest);
        Checkpoint checkpoint = evidencePage.checkpoint();
        var key = checkpoints.publicKey();
        List<EvidenceEvent> events = evidencePage.events().stream()
                .map(e -> new EvidenceEvent(e.leaf().eventId, e.leaf().leafIndex, MerkleHashes.toHex(e.leaf().leafHash),
                        e.canonical().orElse(null), e.canonical().isPresent() ? null : Boolean.TRUE,
                        AuditViews.hex(e.auditPath())))
                .toList();
        String next = null;
        if (evidencePage.hasNext()) {
            // the next page proves against the same checkpoint
            java.net.URI uriOfNext = uri.getRequestUriBuilder().replaceQueryParam("treeSize", checkpoint.treeSize)
                    .replaceQueryParam("page", pageRequest.page() + 1).replaceQueryParam("size", pageRequest.size()).build();
            next = uriOfNext.getRawPath() + "?" + uriOfNext.getRawQuery();
        }
        return new EvidenceBundle(subjectId, vault.pseudonymOf(subjectId), CheckpointView.of(checkpoints.published(checkpoint)),
                new PublicKeyView(key.origin(), key.keyId(), key.algorithm(), key.publicKey(), key.verifierKey()), events, next,
                sealedThrough);
    }

    /**
     * A subject's audit trail reaches a service only through the subject's access export: the auditor and the DPO
     * read the log freely; a calling system only if it is a configured subject reader, one subject at a time, and
     * only what followed the subject's latest completed erasure (what came before is sealed, Art. 17(3)(e)).
     *
     * @return the leaf up to which this caller reads nothing of the subject, or null
     */
    private Long requireSubjectReader(String subjectId) {
        if (identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.DPO)) {
            return null;
        }
        if (!caller.isSystemIn(config.subjectReaders())) {
            throw ProblemException.forbidden("a subject's audit trail reaches a service only through the subject's "
                    + "access export: this calling system may not read it");
        }
        if (subjectId == null) {
            throw ProblemException.forbidden("a service reads the log one subject at a time: name the subjectId");
        }
        var sealed = QuarkusTransaction.joiningExisting().call(() -> vault.sealedThrough(subjectId));
        return sealed.isPresent() ? sealed.getAsLong() : null;
    }
}
