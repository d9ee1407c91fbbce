package org.privacyplatform.portal.console;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How the console writes the JSON parts of a request (details, what was erased or kept) for a person to read. */
final class Items {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Items() {
    }

    /** Erased or kept items: "category (count): ground, until day" each, separated by semicolons. */
    static String describe(JsonNode items) {
        if (items == null || !items.isArray()) {
            return items == null ? "" : items.toString();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode item : items) {
            StringBuilder part = new StringBuilder(item.path("category").asText("?"));
            if (item.hasNonNull("count")) {
                part.append(" (").append(item.get("count").asLong()).append(')');
            }
            if (item.hasNonNull("ground")) {
                part.append(": ").append(item.get("ground").asText());
            }
            if (item.hasNonNull("keptUntil")) {
                part.append(", until ").append(item.get("keptUntil").asText());
            }
            parts.add(part.toString());
        }
        return String.join("; ", parts);
    }

    /** Indented JSON; empty for nothing or an empty object. */
    static String pretty(JsonNode node) {
        if (node == null || node.isNull() || node.isEmpty()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
