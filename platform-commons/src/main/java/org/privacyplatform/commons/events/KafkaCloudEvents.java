package org.privacyplatform.commons.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads a binary-mode CloudEvent from a Kafka record: {@code ce_*} headers and JSON data as the value. */
public final class KafkaCloudEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaCloudEvents() {
    }

    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        String specVersion = header(record, "ce_specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String id = required(record, "ce_id");
        String source = required(record, "ce_source");
        String type = required(record, "ce_type");
        String subject = header(record, "ce_subject");
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(required(record, "ce_time"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time", e);
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data of event " + id + " is not JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("data of event " + id + " is not a JSON object");
        }
        return new CloudEvent(id, source, type, subject, time, data);
    }

    /**
     * The record as a structured-mode CloudEvent JSON object, attribute values exactly as they arrived
     * ({@code ce_*} headers, extensions included; {@code content-type} as {@code datacontenttype}). Throws
     * {@link MalformedEventException} for anything {@link #fromRecord} refuses.
     */
    public static ObjectNode structured(ConsumerRecord<String, String> record) {
        return structured(record, fromRecord(record));
    }

    /** {@link #structured(ConsumerRecord)} of a record already read as {@code event}. */
    public static ObjectNode structured(ConsumerRecord<String, String> record, CloudEvent event) {
        ObjectNode node = JSON.createObjectNode();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") && header.value() != null) {
                node.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String contentType = header(record, "content-type");
        node.put("datacontenttype", contentType != null ? contentType : CloudEvent.DATA_CONTENT_TYPE);
        node.set("data", event.data());
        return node;
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("header " + name + " is missing");
        }
        return value;
    }

    /** A header of the record as UTF-8 text, or null. */
    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
