package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event as the platform exchanges it: on Kafka in binary mode ({@code ce_*} headers,
 * JSON data as the record value, key = subject id). The audit log keeps it in structured mode
 * ({@link KafkaCloudEvents#structured}).
 *
 * @param id      {@code ce_id}, unique per event; consumers are idempotent on it
 * @param source  {@code ce_source}, the emitting service, e.g. {@code /consent-service}
 * @param type    {@code ce_type}, e.g. {@code ConsentGranted}
 * @param subject {@code ce_subject}, the pseudonymous subject id (never a name or an e-mail)
 * @param time    {@code ce_time}
 * @param data    the JSON data
 */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** The event type if it is one of the platform's, so consumers can switch on it. */
    public java.util.Optional<EventType> eventType() {
        return EventType.fromCeType(type);
    }

    /** RFC 3339 in UTC with millisecond precision: the one time format on every header and leaf. */
    public static String formatTime(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    }
}
