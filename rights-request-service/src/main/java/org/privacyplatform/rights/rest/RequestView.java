package org.privacyplatform.rights.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.config.RightsConfig;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request as the subject and the DPO see it: its clock, what was done, what was kept and why, and, for a
 * rejection, where the subject may complain (Art. 12(4)).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String id, String subjectId, String type, String status, JsonNode details,
        OffsetDateTime receivedAt, OffsetDateTime dueAt, Extension extension, OffsetDateTime identityVerifiedAt,
        Rejection rejection, OffsetDateTime closedAt, List<Outcome> outcomes, List<JsonNode> kept,
        List<Step> history, Integer exportCopies) {

    public record Extension(OffsetDateTime extendedAt, String reason) {
    }

    public record Rejection(String ground, String detail, Complaint complaint) {
    }

    /** Art. 12(4), 77: the right to lodge a complaint with a supervisory authority. */
    public record Complaint(String authority, String url, String notice) {
    }

    public record Outcome(String recipientId, String status, JsonNode erased, JsonNode kept, String note,
            OffsetDateTime reportedAt) {
    }

    /** {@code actorType} SUBJECT or DPO with their {@code sub}, SERVICE with the calling system's client id, SYSTEM. */
    public record Step(OffsetDateTime at, String action, String fromStatus, String toStatus, String actorType,
            String actor, String note) {
    }

    static RequestView of(RightsRequest r, List<RecipientOutcome> outcomes, List<RequestHistory> history,
            RightsConfig config, ObjectMapper json) {
        List<Outcome> outcomeViews = outcomes.stream().map(o -> new Outcome(o.recipientId, o.status, tree(json, o.erased),
                tree(json, o.kept), o.note, o.reportedAt)).toList();
        List<JsonNode> kept = new ArrayList<>();
        for (Outcome outcome : outcomeViews) {
            if (outcome.kept() != null) {
                outcome.kept().forEach(item -> kept.add(((com.fasterxml.jackson.databind.node.ObjectNode) item.deepCopy())
                        .put("recipientId", outcome.recipientId())));
            }
        }
        Rejection rejection = r.rejectionGround == null ? null
                : new Rejection(r.rejectionGround.name(), r.rejectionDetail, new Complaint(config.supervisoryAuthority().name(),
                        config.supervisoryAuthority().url(), "You may lodge a complaint with "
                                + config.supervisoryAuthority().name() + " and seek a judicial remedy (Art. 12(4), 77, 79 GDPR)."));
        return new RequestView(r.id.toString(), r.subjectId, r.type.name(), r.status.name(), tree(json, r.details),
                r.receivedAt, r.dueAt, r.extendedAt == null ? null : new Extension(r.extendedAt, r.extensionReason),
                r.identityVerifiedAt, rejection, r.closedAt, outcomeViews, kept,
                history.stream().map(h -> new Step(h.at, h.action, h.fromStatus == null ? null : h.fromStatus.name(),
                        h.toStatus.name(), h.actorType == null ? null : h.actorType.name(), h.actor, h.note)).toList(),
                r.exportCopies);
    }

    private static JsonNode tree(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
