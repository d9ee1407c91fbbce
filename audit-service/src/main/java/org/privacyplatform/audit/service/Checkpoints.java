package org.privacyplatform.audit.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.CheckpointCosignature;
import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.schema.SchemaMigrator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Signed tree heads: made at an interval when the log grew, and on demand; every one is stored. */
@ApplicationScoped
public class Checkpoints {

    /** The signing key as the API publishes it. */
    public record PublicKey(String origin, String keyId, String algorithm, String publicKey, String verifierKey) {
    }

    /**
     * A checkpoint as published: signed by the log and cosigned by the quorum of witnesses (none when no witness is
     * configured, local development only).
     *
     * @param note the log's signed note with the witnesses' cosignature lines
     */
    public record Published(Checkpoint checkpoint, List<CheckpointCosignature> cosignatures, String note) {
    }

    private final LogRepository log;
    private final AuditConfig config;
    private final Ed25519Keys keys;
    private final Clock clock;
    private final SchemaMigrator schema;
    private final Witnesses witnesses;

    public Checkpoints(LogRepository log, AuditConfig config, Clock clock, SchemaMigrator schema, Witnesses witnesses) {
        this.log = log;
        this.config = config;
        this.keys = new Ed25519Keys(config.signing().privateKey(), config.signing().publicKey());
        this.clock = clock;
        this.schema = schema;
        this.witnesses = witnesses;
    }

    public PublicKey publicKey() {
        return new PublicKey(config.origin(), SignedNote.keyId(config.origin(), keys.publicKeyRaw()), "Ed25519",
                Base64.getEncoder().encodeToString(keys.publicKeyRaw()),
                SignedNote.verifierKey(config.origin(), keys.publicKeyRaw()));
    }

    /**
     * The checkpoint to publish: a fresh one of the whole log when the witnesses' quorum cosigns it (each witness that
     * has not cosigned it yet is asked now), else the latest one the quorum cosigned.
     *
     * @throws ProblemException 503 while no checkpoint was ever cosigned by the quorum
     */
    public Published published() {
        Checkpoint fresh = current();
        if (!witnesses.enabled()) {
            return new Published(fresh, List.of(), fresh.note);
        }
        witnesses.cosign(fresh);
        Checkpoint latest = witnesses.latestCosigned().orElseThrow(() -> new ProblemException(503,
                "No cosigned checkpoint yet", "no checkpoint of the log has been cosigned by the quorum of its witnesses "
                        + "yet (" + witnesses.quorum() + " of " + witnesses.all().size() + "); see /q/health/ready"));
        return published(latest);
    }

    /** A stored checkpoint with the cosignatures it has. */
    public Published published(Checkpoint checkpoint) {
        List<CheckpointCosignature> cosignatures = witnesses.enabled() ? witnesses.cosignaturesOf(checkpoint) : List.of();
        StringBuilder note = new StringBuilder(checkpoint.note);
        cosignatures.forEach(c -> note.append(c.line).append('\n'));
        return new Published(checkpoint, cosignatures, note.toString());
    }

    public byte[] publicKeyRaw() {
        return keys.publicKeyRaw();
    }

    @Scheduled(every = "${audit.checkpoint.every:PT1M}", delayed = "PT10S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (schema.isMigrated()) {
            Checkpoint checkpoint = current();
            if (witnesses.enabled()) {
                witnesses.cosign(checkpoint);
            }
        }
    }

    /** A checkpoint of the whole log as it is now: the latest stored one if the log has not grown since. */
    @Transactional
    public Checkpoint current() {
        log.lockLog();
        long size = log.size();
        Checkpoint latest = log.latestCheckpoint().orElse(null);
        if (latest != null && latest.treeSize == size) {
            return latest;
        }
        byte[] root = size == 0 ? MerkleHashes.emptyRoot() : log.withNodes(nodes -> new MerkleTree(nodes).rootHash(size));
        SignedNote.Signed signed = SignedNote.sign(SignedNote.checkpointBody(config.origin(), size, root), config.origin(),
                keys);
        Checkpoint checkpoint = new Checkpoint();
        checkpoint.origin = config.origin();
        checkpoint.treeSize = size;
        checkpoint.rootHash = root;
        checkpoint.keyId = signed.keyId();
        checkpoint.signature = signed.signature();
        checkpoint.note = signed.noteText();
        checkpoint.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        log.persistCheckpoint(checkpoint);
        return checkpoint;
    }
}
