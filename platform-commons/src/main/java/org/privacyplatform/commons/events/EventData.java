package org.privacyplatform.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an event's data as one of the platform's event records; what cannot be read is malformed. */
public final class EventData {

    private EventData() {
    }

    /** The data as {@code type}; the event must name its subject in {@code subjectId}. */
    public static <T> T read(ObjectMapper json, CloudEvent event, Class<T> type) {
        if (event.data().path("subjectId").asText("").isBlank()) {
            throw new MalformedEventException(event.type() + " " + event.id() + " names no subject");
        }
        return readAboutNoSubject(json, event, type);
    }

    /** The data as {@code type}, for an event about no subject (a retention rule, a purpose, a notice). */
    public static <T> T readAboutNoSubject(ObjectMapper json, CloudEvent event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has unreadable data", e);
        }
    }
}
