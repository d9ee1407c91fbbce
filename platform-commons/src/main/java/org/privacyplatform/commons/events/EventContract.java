package org.privacyplatform.commons.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The event contract, enforced: one JSON Schema per event type ({@code event-contract/schemas/<type>.schema.json},
 * beside the AsyncAPI document {@code event-contract/asyncapi.yaml}), checked by the outbox before an event is
 * written and by every consumer before an event is applied. A consumer accepts a record only if its type belongs
 * to the topic, {@code ce_source} names the topic's owner, {@code ce_subject} equals {@code data.subjectId}, every
 * header is within its bounds, and the data validates against the type's schema.
 */
@ApplicationScoped
public class EventContract {

    /** Where the schemas live on the class path; the AsyncAPI document names the same files. */
    public static final String SCHEMA_LOCATION = "event-contract/schemas/";

    /** The largest event data a consumer reads (the schemas bound every field far below this). */
    public static final int MAX_DATA_CHARS = 64 * 1024;

    private static final Pattern ID = Pattern.compile("^[\\x21-\\x7E]{1,128}$");
    private static final Pattern SOURCE = Pattern.compile("^/[a-z0-9-]{1,100}$");
    private static final Pattern SUBJECT = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    // RFC 3339 with a four-digit year (what PostgreSQL and every consumer can store)
    private static final Pattern TIME = Pattern.compile(
            "^(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$");

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();

    private record Schema(URI id, JsonSchema validator) {
    }

    /** One reason the data breaks its schema: the field (a JSON path in the data) and what is wrong. */
    public record Violation(String field, String message) {
    }

    /** {@code ce_dataschema} of a type: its schema's {@code $id}. */
    public URI dataSchema(String ceType) {
        return schema(ceType).map(Schema::id)
                .orElseThrow(() -> new IllegalArgumentException("no schema for event type '" + ceType + "'"));
    }

    public boolean knows(String ceType) {
        return schema(ceType).isPresent();
    }

    /** What in {@code data} breaks the type's schema, the first field first; empty when it is valid. */
    public List<Violation> violations(String ceType, JsonNode data) {
        JsonSchema validator = schema(ceType)
                .orElseThrow(() -> new IllegalArgumentException("no schema for event type '" + ceType + "'")).validator();
        return validator.validate(data).stream().map(EventContract::violation)
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message)).toList();
    }

    /**
     * The record as a platform event, or {@link RejectedEventException} (never retried) saying which rule it
     * breaks. The reason names headers and fields, never their values (a forged record may carry anything).
     */
    public CloudEvent accept(ConsumerRecord<String, String> record) {
        if (!CloudEvent.SPEC_VERSION.equals(KafkaCloudEvents.header(record, "ce_specversion"))) {
            throw new RejectedEventException("not a CloudEvents 1.0 record (ce_specversion missing or not 1.0)");
        }
        requireHeader(record, "ce_id", ID, true);
        requireHeader(record, "ce_source", SOURCE, true);
        requireHeader(record, "ce_subject", SUBJECT, false);
        requireHeader(record, "ce_time", TIME, true);
        String type = KafkaCloudEvents.header(record, "ce_type");
        EventType eventType = type == null ? null : EventType.fromCeType(type).orElse(null);
        if (eventType == null) {
            throw new RejectedEventException("ce_type is not a platform event type");
        }
        if (!eventType.belongsTo(record.topic())) {
            throw new RejectedEventException(type + " does not belong on " + record.topic());
        }
        String owner = Topics.owner(record.topic()).orElseThrow();
        if (!("/" + owner).equals(KafkaCloudEvents.header(record, "ce_source"))) {
            throw new RejectedEventException("ce_source is not " + record.topic() + "'s owner /" + owner);
        }
        String dataSchema = KafkaCloudEvents.header(record, "ce_dataschema");
        if (dataSchema != null && !dataSchema.equals(dataSchema(type).toString())) {
            throw new RejectedEventException("ce_dataschema is not " + dataSchema(type));
        }
        if (record.value() != null && record.value().length() > MAX_DATA_CHARS) {
            throw new RejectedEventException("data is larger than " + MAX_DATA_CHARS + " characters");
        }
        CloudEvent event;
        try {
            event = KafkaCloudEvents.fromRecord(record);
        } catch (RejectedEventException e) {
            throw e;
        } catch (MalformedEventException e) {
            throw new RejectedEventException(e.getMessage(), e.getCause());
        }
        JsonNode subjectId = event.data().get("subjectId");
        if (subjectId != null && !subjectId.isNull() && !subjectId.asText().equals(event.subject())) {
            throw new RejectedEventException("ce_subject differs from data.subjectId");
        }
        if ((eventType == EventType.ERASURE_COMPLETED || eventType == EventType.HOLDERS_NAMED)
                && !owner.equals(event.data().path("system").asText())) {
            throw new RejectedEventException(type + " on " + record.topic() + " must name system " + owner);
        }
        List<Violation> violations = violations(type, event.data());
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new RejectedEventException(type + " data fails its schema: " + first.field() + ": " + first.message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        return event;
    }

    private Optional<Schema> schema(String ceType) {
        if (ceType == null || !ceType.matches("^[A-Za-z]{1,100}$")) {
            return Optional.empty();
        }
        return schemas.computeIfAbsent(ceType, this::load);
    }

    private Optional<Schema> load(String ceType) {
        String resource = SCHEMA_LOCATION + ceType + ".schema.json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode node = json.readTree(in);
            return Optional.of(new Schema(URI.create(node.path("$id").asText()), factory.getSchema(node)));
        } catch (IOException e) {
            throw new IllegalStateException("event schema " + resource + " cannot be read", e);
        }
    }

    private static Violation violation(ValidationMessage message) {
        String path = String.valueOf(message.getInstanceLocation());
        String field = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        if (message.getProperty() != null && ("required".equals(message.getType())
                || "additionalProperties".equals(message.getType()))) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return new Violation(field.isEmpty() ? "data" : field, colon >= 0 ? text.substring(colon + 2) : text);
    }

    private static void requireHeader(ConsumerRecord<String, String> record, String name, Pattern shape, boolean required) {
        String value = KafkaCloudEvents.header(record, name);
        if (value == null) {
            if (required) {
                throw new RejectedEventException("header " + name + " is missing");
            }
            return;
        }
        if (!shape.matcher(value).matches()) {
            throw new RejectedEventException("header " + name + " is out of bounds or malformed");
        }
    }
}
