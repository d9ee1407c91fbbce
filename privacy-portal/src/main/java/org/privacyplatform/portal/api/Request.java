package org.privacyplatform.portal.api;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A rights request as rights-request-service shows it (GET /requests/{id}), with its history and outcomes. */
public record Request(String id, String subjectId, String type, String status, JsonNode details,
        OffsetDateTime receivedAt, OffsetDateTime dueAt, Extended extension, OffsetDateTime identityVerifiedAt,
        Rejection rejection, Complaint complaint, OffsetDateTime closedAt, List<Outcome> outcomes, List<JsonNode> kept,
        List<Step> history, Integer exportCopies) {

    /** The extension of the deadline (Art. 12(3)); named Extended: a nested type named Extension is not found by
     * Qute's generated resolvers in Quarkus test mode. */
    public record Extended(OffsetDateTime extendedAt, OffsetDateTime firstDueAt, OffsetDateTime dueAt, String reason,
            String notice) {
    }

    public record Rejection(String ground, String detail) {
    }

    public record Complaint(String authority, String url, String notice) {
    }

    /** A recipient's answer (Art. 19): what it erased, what it kept, why and until when. */
    public record Outcome(String recipientId, String status, JsonNode erased, JsonNode kept, String note,
            OffsetDateTime reportedAt) {
    }

    public record Step(OffsetDateTime at, String action, String fromStatus, String toStatus, String actorType,
            String actor, String note) {
    }

    public boolean isOpen() {
        return closedAt == null;
    }
}
