package org.privacyplatform.audit;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event of the log: a leaf of the Merkle tree. Inserted once, never changed (the database refuses). Its text
 * is not here: it is kept encrypted under its subject's data key ({@code leaf_text}), and the subject is found
 * through the pseudonym index ({@code subject_leaf}); {@code topic} is the Kafka topic, or {@code audit-service}
 * for the leaves the log appends itself.
 */
@Entity
@Table(name = "audit_leaf")
public class AuditLeaf extends PanacheEntityBase {

    @Id
    @Column(name = "leaf_index")
    public long leafIndex;

    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "event_time", nullable = false, updatable = false)
    public OffsetDateTime eventTime;

    @Column(name = "leaf_hash", nullable = false, updatable = false)
    public byte[] leafHash;

    @Column(name = "appended_at", nullable = false, updatable = false)
    public OffsetDateTime appendedAt;
}
