package org.privacyplatform.audit.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.merkle.Canonical;
import org.privacyplatform.audit.merkle.MerkleHashes;
import org.privacyplatform.audit.merkle.MerkleTree;
import org.privacyplatform.audit.repository.LogRepository;
import org.privacyplatform.commons.events.KafkaCloudEvents;
import org.privacyplatform.commons.events.MalformedEventException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Appends events to the log: each event once (by {@code ce_id}), in arrival order, as the next leaf of the
 * RFC 9162 tree, with the node hashes the append completes, all in one transaction.
 */
@ApplicationScoped
public class AuditLog {

    private final LogRepository log;
    private final Clock clock;
    private final Counter appended;
    private final Counter duplicates;

    public AuditLog(LogRepository log, Clock clock, MeterRegistry registry) {
        this.log = log;
        this.clock = clock;
        this.appended = Counter.builder("audit.log.appended").description("events appended to the log").register(registry);
        this.duplicates = Counter.builder("audit.log.duplicates").description("events delivered again and skipped")
                .register(registry);
    }

    /** Appends the record's event; returns its leaf index, or -1 if the log already holds that event. */
    @Transactional
    public long append(ConsumerRecord<String, String> record) {
        ObjectNode event = KafkaCloudEvents.structured(record);
        String canonical;
        try {
            canonical = Canonical.canonicalize(event);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.path("id").asText() + " has no canonical form", e);
        }
        String eventId = event.path("id").asText();
        log.lockLog();
        if (log.contains(eventId)) {
            duplicates.increment();
            return -1;
        }
        long index = log.size();
        byte[] leafHash = MerkleHashes.leafHash(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        log.insertNodes(MerkleTree.nodesCompletedByAppend(index, leafHash, log.nodes()));
        AuditLeaf leaf = new AuditLeaf();
        leaf.leafIndex = index;
        leaf.eventId = eventId;
        leaf.topic = record.topic();
        leaf.eventType = event.path("type").asText();
        leaf.subjectId = event.hasNonNull("subject") ? event.path("subject").asText() : null;
        leaf.source = event.path("source").asText();
        leaf.eventTime = OffsetDateTime.parse(event.path("time").asText());
        leaf.canonical = canonical;
        leaf.leafHash = leafHash;
        leaf.appendedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        log.persist(leaf);
        appended.increment();
        return index;
    }
}
