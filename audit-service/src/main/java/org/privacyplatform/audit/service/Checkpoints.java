package org.privacyplatform.audit.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.checkpoint.Ed25519Keys;
import org.privacyplatform.audit.checkpoint.SignedNote;
import org.privacyplatform.audit.config.AuditConfig;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.schema.SchemaMigrator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Signed tree heads: made at an interval when the log grew, and on demand; every one is stored. */
@ApplicationScoped
public class Checkpoints {

    /** The signing key as the API publishes it. */
    public record PublicKey(String origin, String keyId, String algorithm, String publicKey) {
    }

    private final LogRepository log;
    private final AuditConfig config;
    private final Ed25519Keys keys;
    private final Clock clock;
    private final SchemaMigrator schema;

    public Checkpoints(LogRepository log, AuditConfig config, Clock clock, SchemaMigrator schema) {
        this.log = log;
        this.config = config;
        this.keys = new Ed25519Keys(config.signing().privateKey(), config.signing().publicKey());
        this.clock = clock;
        this.schema = schema;
    }

    public PublicKey publicKey() {
        return new PublicKey(config.origin(), SignedNote.keyId(config.origin(), keys.publicKeyRaw()), "Ed25519",
                Base64.getEncoder().encodeToString(keys.publicKeyRaw()));
    }

    public byte[] publicKeyRaw() {
        return keys.publicKeyRaw();
    }

    @Scheduled(every = "${audit.checkpoint.every:PT1M}", delayed = "PT10S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (schema.isMigrated()) {
            current();
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
