package org.privacyplatform.audit.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.crypto.Aead;
import org.privacyplatform.audit.crypto.LeafCipher;
import org.privacyplatform.audit.merkle.Canonical;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.merkle.NodeStore;
import org.privacyplatform.audit.merkle.PrefetchedNodes.Address;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventContract;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.events.KafkaCloudEvents;
import org.privacyplatform.commons.events.MalformedEventException;
import org.privacyplatform.commons.privacy.Pseudonyms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Appends events to the log: each event once (by {@code ce_id}), in arrival order, as the next leaf of the
 * RFC 9162 tree, with the node hashes the append completes. A whole batch of records is one transaction:
 * one lock, one duplicate check, one query for the data keys (and one batch insert of the new ones), one JDBC batch
 * each of leaves, encrypted texts, index rows and nodes.
 *
 * <p>Leaf = the RFC 8785 text of the structured CloudEvent with the extension attribute {@code auditsalt} (16 random
 * bytes, base64url) added here, so that a leaf hash discloses nothing guessable. The text is kept encrypted under
 * the subject's data key ({@link LeafCipher}); the subject is indexed by their pseudonym. The batch also applies
 * what the log itself must do on two events: an erasure completed ({@code RequestCompleted}, type {@code ERASURE},
 * status {@code COMPLETED} or {@code PARTIALLY_COMPLETED}) seals the subject's events; the evidence's retention
 * ran out ({@code RetentionExpired}, category {@code audit-evidence}, system {@code audit-service}, about the
 * pseudonym) shreds them and appends {@code EvidenceShredded}.
 */
@ApplicationScoped
public class AuditLog {

    /** The source of the leaves the log appends itself, and their {@code topic} in the log (they are on none). */
    public static final String OWN_SOURCE = "/audit-service";
    public static final String OWN_TOPIC = "audit-service";
    static final String EVIDENCE_CATEGORY = "audit-evidence";
    static final String EVIDENCE_SYSTEM = "audit-service";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record that breaks the event contract, or has no canonical form: it belongs on the dead-letter topic. */
    public record Rejected(ConsumerRecord<String, String> record, MalformedEventException reason) {
    }

    /** What an append did with each record of the batch. */
    public record Appended(List<Long> leafIndexes, int duplicates, List<Rejected> rejected) {
    }

    private record Candidate(ConsumerRecord<String, String> record, CloudEvent accepted, ObjectNode event,
            String canonical, byte[] leafHash) {
        String id() {
            return accepted.id();
        }
    }

    /** A leaf about to be appended, with its text and where it is indexed and encrypted. */
    record Entry(AuditLeaf leaf, String canonical, String pseudonym, String keyRef) {
    }

    private final LogRepository log;
    private final EventContract contract;
    private final LeafVault vault;
    private final Clock clock;
    private final Counter appended;
    private final Counter duplicates;
    private final Counter shredded;

    public AuditLog(LogRepository log, EventContract contract, LeafVault vault, Clock clock, MeterRegistry registry) {
        this.log = log;
        this.contract = contract;
        this.vault = vault;
        this.clock = clock;
        this.appended = Counter.builder("audit.log.appended").description("events appended to the log").register(registry);
        this.duplicates = Counter.builder("audit.log.duplicates").description("events delivered again and skipped")
                .register(registry);
        this.shredded = Counter.builder("audit.log.shredded").description("leaf texts destroyed by crypto-shredding")
                .register(registry);
    }

    /**
     * Appends the records' events in the given order, skipping those the log (or the batch) already holds.
     * Records that break the event contract are returned as rejected, and appended nowhere.
     */
    @Transactional
    public Appended append(List<ConsumerRecord<String, String>> records) {
        List<Candidate> candidates = new ArrayList<>(records.size());
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                candidates.add(candidate(record));
            } catch (MalformedEventException e) {
                rejected.add(new Rejected(record, e));
            }
        }
        if (candidates.isEmpty()) {
            return new Appended(List.of(), 0, rejected);
        }
        log.lockLog();
        Set<String> seen = log.known(candidates.stream().map(Candidate::id).toList());
        List<Candidate> fresh = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (seen.add(candidate.id())) {
                fresh.add(candidate);
            }
        }
        int skipped = candidates.size() - fresh.size();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        long next = log.size();

        // subjects that already are pseudonyms the log keys (a shredding's RetentionExpired) are indexed as themselves
        Set<String> pseudonymSubjects = new HashSet<>();
        fresh.forEach(c -> {
            if (Pseudonyms.looksLikePseudonym(c.accepted().subject())) {
                pseudonymSubjects.add(c.accepted().subject());
            }
        });
        Set<String> keyed = new HashSet<>();
        if (!pseudonymSubjects.isEmpty()) {
            keyed.addAll(log.dataKeys(pseudonymSubjects).keySet());
            keyed.addAll(log.shredded(pseudonymSubjects));
        }

        List<Entry> entries = new ArrayList<>(fresh.size());
        List<Long> indexes = new ArrayList<>(fresh.size());
        Map<String, Long> textsInBatch = new HashMap<>();
        Map<String, Long> seals = new HashMap<>();
        Map<String, Entry> shreds = new HashMap<>();
        for (Candidate candidate : fresh) {
            String subject = candidate.accepted().subject();
            boolean shredding = shreds(candidate.accepted());
            String pseudonym = subject == null ? null
                    : keyed.contains(subject) || shredding && Pseudonyms.looksLikePseudonym(subject) ? subject
                            : vault.pseudonymOf(subject);
            Entry entry = entry(candidate, next++, now, pseudonym);
            entries.add(entry);
            indexes.add(entry.leaf().leafIndex);
            textsInBatch.merge(entry.keyRef(), 1L, Long::sum);
            if (pseudonym != null && seals(candidate.accepted())) {
                seals.putIfAbsent(pseudonym, entry.leaf().leafIndex);
            }
            if (pseudonym != null && shredding && !shreds.containsKey(pseudonym)) {
                long leaves = log.textsUnder(pseudonym) + textsInBatch.getOrDefault(pseudonym, 0L);
                ObjectNode data = JSON.createObjectNode().put("subjectPseudonym", pseudonym).put("leaves", leaves)
                        .put("shreddedAt", CloudEvent.formatTime(now));
                Entry evidence = ownEntry(EventType.EVIDENCE_SHREDDED, pseudonym, data, next++, now);
                entries.add(evidence);
                shreds.put(pseudonym, evidence);
            }
        }
        appendEntries(entries, now);
        seals.forEach((pseudonym, leafIndex) -> log.seal(pseudonym, leafIndex, now));
        shreds.forEach((pseudonym, evidence) -> {
            int texts = log.shred(pseudonym);
            log.recordShredding(evidence.leaf().leafIndex, pseudonym, texts, now);
            shredded.increment(texts);
        });
        appended.increment(entries.size());
        duplicates.increment(skipped);
        return new Appended(indexes, skipped, rejected);
    }

    /**
     * Appends an event of the audit service's own ({@code EvidenceShredded}, {@code LogTextEncrypted}: on no topic)
     * in the caller's transaction, which must hold the log's lock. Returns its leaf index.
     */
    long appendOwn(EventType type, String pseudonym, ObjectNode data) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Entry entry = ownEntry(type, pseudonym, data, log.size(), now);
        appendEntries(List.of(entry), now);
        appended.increment();
        return entry.leaf().leafIndex;
    }

    private void appendEntries(List<Entry> entries, OffsetDateTime now) {
        if (entries.isEmpty()) {
            return;
        }
        long first = entries.get(0).leaf().leafIndex;
        Aead aead = new Aead();
        Set<String> keyRefs = new HashSet<>();
        entries.forEach(e -> keyRefs.add(e.keyRef()));
        Map<String, byte[]> keys = vault.keysForAppend(aead, keyRefs, now);
        List<AuditLeaf> leaves = new ArrayList<>(entries.size());
        List<LogRepository.LeafText> texts = new ArrayList<>(entries.size());
        List<LogRepository.IndexRow> index = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            AuditLeaf leaf = entry.leaf();
            leaves.add(leaf);
            byte[] nonce = Aead.newNonce();
            texts.add(new LogRepository.LeafText(leaf.leafIndex, entry.keyRef(), nonce,
                    LeafCipher.encrypt(aead, keys.get(entry.keyRef()), nonce, entry.canonical(), leaf.leafHash)));
            if (entry.pseudonym() != null) {
                index.add(new LogRepository.IndexRow(entry.pseudonym(), leaf.leafIndex));
            }
        }
        List<NodeStore.Node> nodes = log.withNodes(stored -> nodesCompletedBy(leaves, first, stored));
        log.insert(leaves, texts, index, nodes);
    }

    /** Every node the batch completes; nodes completed earlier in the batch are read from the batch itself. */
    private static List<NodeStore.Node> nodesCompletedBy(List<AuditLeaf> batch, long first, NodeStore stored) {
        Map<Address, byte[]> added = new HashMap<>();
        NodeStore view = (level, index) -> {
            byte[] hash = added.get(new Address(level, index));
            return hash != null ? hash : stored.node(level, index);
        };
        List<NodeStore.Node> nodes = new ArrayList<>();
        long index = first;
        for (AuditLeaf leaf : batch) {
            for (NodeStore.Node node : MerkleTree.nodesCompletedByAppend(index++, leaf.leafHash, view)) {
                added.put(new Address(node.level(), node.index()), node.hash());
                nodes.add(node);
            }
        }
        return nodes;
    }

    /**
     * The leaf of a record: its structured-mode CloudEvent (attributes as they arrived) with {@code auditsalt} set to
     * {@code salt}, whatever the record said (a producer cannot choose the salt).
     */
    public static ObjectNode leafEvent(ConsumerRecord<String, String> record, CloudEvent accepted, String salt) {
        ObjectNode event = KafkaCloudEvents.structured(record, accepted);
        event.put("auditsalt", salt);
        return event;
    }

    private Candidate candidate(ConsumerRecord<String, String> record) {
        CloudEvent accepted = contract.accept(record);
        ObjectNode event = leafEvent(record, accepted, LeafCipher.newSalt());
        String canonical = canonical(event);
        return new Candidate(record, accepted, event, canonical,
                MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String canonical(ObjectNode event) {
        try {
            return Canonical.canonicalize(event);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.path("id").asText() + " has no canonical form", e);
        }
    }

    private static Entry entry(Candidate candidate, long index, OffsetDateTime now, String pseudonym) {
        CloudEvent accepted = candidate.accepted();
        AuditLeaf leaf = new AuditLeaf();
        leaf.leafIndex = index;
        leaf.eventId = accepted.id();
        leaf.topic = candidate.record().topic();
        leaf.eventType = accepted.type();
        leaf.source = accepted.source();
        leaf.eventTime = accepted.time();
        leaf.leafHash = candidate.leafHash();
        leaf.appendedAt = now;
        return new Entry(leaf, candidate.canonical(), pseudonym, pseudonym != null ? pseudonym : LeafCipher.LOG_KEY_REF);
    }

    /** A leaf of the log's own: indexed under the pseudonym it is about, encrypted under the log's key. */
    private Entry ownEntry(EventType type, String pseudonym, ObjectNode data, long index, OffsetDateTime now) {
        var violations = contract.violations(type.ceType(), data);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(type.ceType() + " breaks its schema: " + violations);
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", CloudEvent.SPEC_VERSION);
        event.put("id", UUID.randomUUID().toString());
        event.put("source", OWN_SOURCE);
        event.put("type", type.ceType());
        if (pseudonym != null) {
            event.put("subject", pseudonym);
        }
        String time = CloudEvent.formatTime(now);
        event.put("time", time);
        event.put("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
        event.put("dataschema", contract.dataSchema(type.ceType()).toString());
        event.set("data", data);
        event.put("auditsalt", LeafCipher.newSalt());
        String canonical = canonical(event);
        AuditLeaf leaf = new AuditLeaf();
        leaf.leafIndex = index;
        leaf.eventId = event.path("id").asText();
        leaf.topic = OWN_TOPIC;
        leaf.eventType = type.ceType();
        leaf.source = OWN_SOURCE;
        leaf.eventTime = OffsetDateTime.parse(time);
        leaf.leafHash = MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
        leaf.appendedAt = now;
        return new Entry(leaf, canonical, pseudonym, LeafCipher.LOG_KEY_REF);
    }

    /** An erasure completed: the subject's audit events are sealed (Art. 17(3)(e)). */
    static boolean seals(CloudEvent event) {
        return event.eventType().orElse(null) == EventType.REQUEST_COMPLETED
                && "ERASURE".equals(event.data().path("type").asText())
                && Set.of("COMPLETED", "PARTIALLY_COMPLETED").contains(event.data().path("status").asText());
    }

    /** The audit evidence of a pseudonymous subject reached the end of its retention: it is shredded. */
    static boolean shreds(CloudEvent event) {
        return event.eventType().orElse(null) == EventType.RETENTION_EXPIRED
                && EVIDENCE_CATEGORY.equals(event.data().path("category").asText())
                && EVIDENCE_SYSTEM.equals(event.data().path("system").asText());
    }
}
