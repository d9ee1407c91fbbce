package org.privacyplatform.commons.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.privacyplatform.commons.PlatformConfig;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventContract;
import org.privacyplatform.commons.events.EventType;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.commons.problem.ProblemException;

/**
 * Writes events into the outbox table, inside the caller's transaction: the state change and its event
 * commit together or not at all. {@link OutboxRelay} publishes them afterwards. An event whose data breaks its
 * type's schema ({@link EventContract}) is refused before anything is written: the caller's transaction rolls
 * back and the API answers 400 naming the field.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_type, message_key, subject_id, source, occurred_at, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final PlatformConfig config;
    private final Event<OutboxWritten> written;
    private final EventContract contract;

    public Outbox(OutboxRepository repository, ObjectMapper json, Clock clock, PlatformConfig config,
            Event<OutboxWritten> written, EventContract contract) {
        this.repository = repository;
        this.contract = contract;
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
        JsonNode tree = toTree(data);
        requireValid(ceType, tree);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), config.events().source(), ceType,
                subjectId, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), tree);
        String payload = write(tree);
        // plain JDBC: one insert, no entity for the session to track until the transaction ends
        repository.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, event.id(), topic, ceType, key, subjectId, event.source(), event.time(), payload);
                insert.executeUpdate();
            }
        });
        written.fire(new OutboxWritten(event.id()));
        return event;
    }

    /** One event of a bulk write: the subject it concerns and its data. */
    public record SubjectEvent(String subjectId, Object data) {
    }

    /**
     * Records many events of one type in one JDBC batch (a retention sweep expires thousands of holdings
     * per transaction); same guarantees as {@link #record(EventType, String, Object)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(EventType type, List<SubjectEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        String topic = topicOf(type);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String source = config.events().source();
        repository.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (SubjectEvent event : events) {
                    JsonNode tree = toTree(event.data());
                    requireValid(type.ceType(), tree);
                    bind(insert, UUID.randomUUID().toString(), topic, type.ceType(), event.subjectId(), event.subjectId(),
                            source, now, write(tree));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten("batch of " + events.size()));
        return events.size();
    }

    /** The parameters of {@link #INSERT}, in its order. */
    private static void bind(PreparedStatement insert, String eventId, String topic, String ceType, String key,
            String subjectId, String source, OffsetDateTime occurredAt, String payload) throws SQLException {
        insert.setString(1, eventId);
        insert.setString(2, topic);
        insert.setString(3, ceType);
        insert.setString(4, key);
        insert.setString(5, subjectId);
        insert.setString(6, source);
        insert.setObject(7, occurredAt);
        insert.setString(8, payload);
    }

    private void requireValid(String ceType, JsonNode tree) {
        if (!contract.knows(ceType)) {
            throw new IllegalArgumentException("event type '" + ceType + "' has no schema in the event contract");
        }
        List<EventContract.Violation> violations = contract.violations(ceType, tree);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "the " + ceType + " event this change publishes breaks the "
                    + "event contract: " + violations.get(0).field() + " " + violations.get(0).message(),
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
    }

    private JsonNode toTree(Object data) {
        JsonNode tree = json.valueToTree(data);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("event data must serialise to a JSON object");
        }
        return tree;
    }

    private String write(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON", e);
        }
    }

    private static String topicOf(EventType type) {
        return type.topic().orElseThrow(
                () -> new IllegalArgumentException(type.ceType() + " has no fixed topic: name the topic"));
    }
}
