package org.privacyplatform.commons.outbox;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting in (or already relayed from) the transactional outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    /** The Kafka key: the subject id, or the id of what the event is about when it concerns no subject. */
    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "subject_id", updatable = false)
    public String subjectId;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** Set when the broker refused the record for good (too large, say): the relay goes on without it. */
    @Column(name = "refused_at")
    public OffsetDateTime refusedAt;

    @Column(name = "refusal")
    public String refusal;
}
