package org.privacyplatform.commons.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.privacyplatform.commons.PlatformConfig;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventType;

/**
 * Writes events into the outbox table, inside the caller's transaction: the state change and its event
 * commit together or not at all. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final PlatformConfig config;
    private final Event<OutboxWritten> written;

    public Outbox(OutboxRepository repository, ObjectMapper json, Clock clock, PlatformConfig config,
            Event<OutboxWritten> written) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.written = written;
    }

    /** Records an event about a subject, on its type's topic, keyed by the subject id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(EventType type, String subjectId, Object data) {
        return record(topicOf(type), type.ceType(), subjectId, subjectId, data);
    }

    /** Records an event about a subject on the given topic (for types the emitting service places). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(String topic, EventType type, String subjectId, Object data) {
        return record(topic, type.ceType(), subjectId, subjectId, data);
    }

    /**
     * Records an event that concerns no subject (a purpose or a rule published, say): no {@code ce_subject},
     * keyed by what it is about so that changes to one thing stay in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent recordWithoutSubject(EventType type, String key, Object data) {
        return record(topicOf(type), type.ceType(), key, null, data);
    }

    /** The general form: any topic and type; Kafka key {@code key}, {@code ce_subject} {@code subjectId} (or none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(String topic, String ceType, String key, String subjectId, Object data) {
        JsonNode payload = json.valueToTree(data);
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("event data must serialise to a JSON object");
        }
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), config.events().source(), ceType,
                subjectId, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), payload);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.eventType = ceType;
        row.messageKey = key;
        row.subjectId = subjectId;
        row.source = event.source();
        row.occurredAt = event.time();
        try {
            row.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON", e);
        }
        repository.persist(row);
        written.fire(new OutboxWritten(event.id()));
        return event;
    }

    private static String topicOf(EventType type) {
        return type.topic().orElseThrow(
                () -> new IllegalArgumentException(type.ceType() + " has no fixed topic: name the topic"));
    }
}
