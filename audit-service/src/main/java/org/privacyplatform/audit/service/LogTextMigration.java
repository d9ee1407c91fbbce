package org.privacyplatform.audit.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.privacyplatform.audit.crypto.Aead;
import org.privacyplatform.audit.crypto.LeafCipher;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.schema.SchemaMigrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves the text of leaves appended before leaf encryption (staged in clear by the schema migration
 * V2__leaf_text_encrypted, run by the schema's owner) into the encrypted store, once, with the service's own login
 * and keys: a chunk per transaction under the log's lock, each text checked against its leaf's stored hash (history
 * never changes: the leaves keep their hashes), encrypted under its subject's data key (the subject indexed by
 * pseudonym), its staged row deleted. A subject whose erasure had completed is sealed as it would have been. When the
 * last chunk is done the log records it as a {@code LogTextEncrypted} leaf of its own.
 */
@ApplicationScoped
public class LogTextMigration {

    private static final Logger LOG = Logger.getLogger(LogTextMigration.class);
    private static final int CHUNK = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogRepository log;
    private final LeafVault vault;
    private final AuditLog auditLog;
    private final SchemaMigrator schema;
    private final Clock clock;
    private volatile boolean done;

    public LogTextMigration(LogRepository log, LeafVault vault, AuditLog auditLog, SchemaMigrator schema, Clock clock) {
        this.log = log;
        this.vault = vault;
        this.auditLog = auditLog;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Soon after start-up, in the background (a large log takes a while, and the service serves meanwhile: a staged
     * text is read and verified as it is), and again until it has run (the schema may be migrated only later, while
     * the database was down at start-up).
     */
    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runIfDue() {
        if (done || !schema.isMigrated()) {
            return;
        }
        try {
            encryptStaged();
            done = true;
        } catch (RuntimeException e) {
            LOG.warnf("the staged texts of older leaves are not encrypted yet (will try again): %s", e.getMessage());
        }
    }

    /** Encrypts every staged text; returns how many. */
    public long encryptStaged() {
        long total = 0;
        Long first = null;
        long last = -1;
        while (true) {
            long[] chunk = QuarkusTransaction.requiringNew().call(this::encryptChunk);
            if (chunk[0] == 0) {
                break;
            }
            total += chunk[0];
            first = first == null ? chunk[1] : first;
            last = chunk[2];
        }
        if (total > 0) {
            long leaves = total;
            Long firstLeaf = first;
            long lastLeaf = last;
            QuarkusTransaction.requiringNew().run(() -> {
                log.lockLog();
                ObjectNode data = JSON.createObjectNode().put("leaves", leaves).put("firstLeaf", firstLeaf)
                        .put("lastLeaf", lastLeaf).put("encryptedAt", CloudEvent.formatTime(OffsetDateTime.now(clock)));
                auditLog.appendOwn(EventType.LOG_TEXT_ENCRYPTED, null, data);
            });
            LOG.infof("encrypted the text of %d leaves appended before leaf encryption (leaves %d to %d)", total, first, last);
        }
        return total;
    }

    /** One chunk: {count, first leaf, last leaf}. */
    private long[] encryptChunk() {
        log.lockLog();
        List<LogRepository.StagedText> staged = log.nextStaged(CHUNK);
        if (staged.isEmpty()) {
            return new long[] { 0, -1, -1 };
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Long> indexes = staged.stream().map(LogRepository.StagedText::leafIndex).toList();
        Map<Long, byte[]> hashes = log.leafHashes(indexes);
        Map<Long, String> keyRefs = new HashMap<>();
        Set<String> refs = new HashSet<>();
        for (var text : staged) {
            String keyRef = text.subjectId() == null ? LeafCipher.LOG_KEY_REF : vault.pseudonymOf(text.subjectId());
            keyRefs.put(text.leafIndex(), keyRef);
            refs.add(keyRef);
        }
        Aead aead = new Aead();
        Map<String, byte[]> keys = vault.keysForAppend(aead, refs, now);
        List<LogRepository.LeafText> texts = new ArrayList<>(staged.size());
        List<LogRepository.IndexRow> index = new ArrayList<>(staged.size());
        for (var text : staged) {
            byte[] hash = hashes.get(text.leafIndex());
            if (hash == null || !Arrays.equals(hash, MerkleHashes.leafHash(text.canonical().getBytes(StandardCharsets.UTF_8)))) {
                // never re-hash history: a staged text that is not its leaf's stays staged, and verify names the leaf
                throw new IllegalStateException("the staged text of leaf " + text.leafIndex() + " does not give its stored "
                        + "hash: not encrypted, POST /audit/verify names it");
            }
            String keyRef = keyRefs.get(text.leafIndex());
            byte[] nonce = Aead.newNonce();
            texts.add(new LogRepository.LeafText(text.leafIndex(), keyRef, nonce,
                    LeafCipher.encrypt(aead, keys.get(keyRef), nonce, text.canonical(), hash)));
            if (text.subjectId() != null) {
                index.add(new LogRepository.IndexRow(keyRef, text.leafIndex()));
                sealIfErasureCompleted(text, keyRef, now);
            }
        }
        log.insertTexts(texts, index);
        log.deleteStaged(indexes);
        return new long[] { staged.size(), indexes.get(0), indexes.get(indexes.size() - 1) };
    }

    private void sealIfErasureCompleted(LogRepository.StagedText text, String pseudonym, OffsetDateTime now) {
        if (!text.canonical().contains("\"RequestCompleted\"")) {
            return;
        }
        try {
            JsonNode event = JSON.readTree(text.canonical());
            CloudEvent cloudEvent = new CloudEvent(event.path("id").asText(), event.path("source").asText(),
                    event.path("type").asText(), event.path("subject").asText(null),
                    OffsetDateTime.parse(event.path("time").asText()), event.path("data"));
            if (AuditLog.seals(cloudEvent)) {
                log.seal(pseudonym, text.leafIndex(), now);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("leaf %d: not read as an event (%s)", text.leafIndex(), e.getClass().getSimpleName());
        }
    }
}
