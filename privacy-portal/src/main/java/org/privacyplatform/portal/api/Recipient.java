package org.privacyplatform.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recipient or system that must hear of a rectification, erasure or restriction (Art. 19). */
public record Recipient(String id, String name, String kind, List<String> appliesTo, String channel, boolean active,
        String reportedBy) {

    public boolean applies(String type) {
        return appliesTo != null && appliesTo.contains(type);
    }

    /** The body PUT /recipients takes for it. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("kind", kind);
        body.put("appliesTo", appliesTo);
        body.put("channel", channel);
        body.put("active", active);
        if (reportedBy != null) {
            body.put("reportedBy", reportedBy);
        }
        return body;
    }
}
