package org.privacyplatform.audit.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.merkle.Canonical;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.merkle.NodeStore;
import org.privacyplatform.audit.merkle.PrefetchedNodes.Address;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventContract;
import org.privacyplatform.commons.events.KafkaCloudEvents;
import org.privacyplatform.commons.events.MalformedEventException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Appends events to the log: each event once (by {@code ce_id}), in arrival order, as the next leaf of the
 * RFC 9162 tree, with the node hashes the append completes. A whole batch of records is one transaction:
 * one lock, one duplicate check, one JDBC batch of leaves and one of nodes.
 */
@ApplicationScoped
public class AuditLog {

    /** A record that breaks the event contract, or has no canonical form: it belongs on the dead-letter topic. */
    public record Rejected(ConsumerRecord<String, String> record, MalformedEventException reason) {
    }

    /** What an append did with each record of the batch. */
    public record Appended(List<Long> leafIndexes, int duplicates, List<Rejected> rejected) {
    }

    private record Candidate(ConsumerRecord<String, String> record, ObjectNode event, String canonical, byte[] leafHash) {
    }

    private final LogRepository log;
    private final EventContract contract;
    private final Clock clock;
    private final Counter appended;
    private final Counter duplicates;

    public AuditLog(LogRepository log, EventContract contract, Clock clock, MeterRegistry registry) {
        this.log = log;
        this.contract = contract;
        this.clock = clock;
        this.appended = Counter.builder("audit.log.appended").description("events appended to the log").register(registry);
        this.duplicates = Counter.builder("audit.log.duplicates").description("events delivered again and skipped")
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
        Set<String> seen = log.known(candidates.stream().map(c -> c.event().path("id").asText()).toList());
        List<Candidate> fresh = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (seen.add(candidate.event().path("id").asText())) {
                fresh.add(candidate);
            }
        }
        int skipped = candidates.size() - fresh.size();
        long first = log.size();
        List<NodeStore.Node> nodes = log.withNodes(stored -> nodesCompletedBy(fresh, first, stored));
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<AuditLeaf> leaves = new ArrayList<>(fresh.size());
        List<Long> indexes = new ArrayList<>(fresh.size());
        for (Candidate candidate : fresh) {
            AuditLeaf leaf = leaf(candidate, first + leaves.size(), now);
            leaves.add(leaf);
            indexes.add(leaf.leafIndex);
        }
        log.insert(leaves, nodes);
        appended.increment(leaves.size());
        duplicates.increment(skipped);
        return new Appended(indexes, skipped, rejected);
    }

    /** Every node the batch completes; nodes completed earlier in the batch are read from the batch itself. */
    private static List<NodeStore.Node> nodesCompletedBy(List<Candidate> batch, long first, NodeStore stored) {
        Map<Address, byte[]> added = new HashMap<>();
        NodeStore view = (level, index) -> {
            byte[] hash = added.get(new Address(level, index));
            return hash != null ? hash : stored.node(level, index);
        };
        List<NodeStore.Node> nodes = new ArrayList<>();
        long index = first;
        for (Candidate candidate : batch) {
            for (NodeStore.Node node : MerkleTree.nodesCompletedByAppend(index++, candidate.leafHash(), view)) {
                added.put(new Address(node.level(), node.index()), node.hash());
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Candidate candidate(ConsumerRecord<String, String> record) {
        CloudEvent accepted = contract.accept(record);
        ObjectNode event = KafkaCloudEvents.structured(record, accepted);
        String canonical;
        try {
            canonical = Canonical.canonicalize(event);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.path("id").asText() + " has no canonical form", e);
        }
        return new Candidate(record, event, canonical, MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static AuditLeaf leaf(Candidate candidate, long index, OffsetDateTime now) {
        ObjectNode event = candidate.event();
        AuditLeaf leaf = new AuditLeaf();
        leaf.leafIndex = index;
        leaf.eventId = event.path("id").asText();
        leaf.topic = candidate.record().topic();
        leaf.eventType = event.path("type").asText();
        leaf.subjectId = event.hasNonNull("subject") ? event.path("subject").asText() : null;
        leaf.source = event.path("source").asText();
        leaf.eventTime = OffsetDateTime.parse(event.path("time").asText());
        leaf.canonical = candidate.canonical();
        leaf.leafHash = candidate.leafHash();
        leaf.appendedAt = now;
        return leaf;
    }
}
