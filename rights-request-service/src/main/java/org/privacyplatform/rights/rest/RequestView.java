package org.privacyplatform.rights.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.config.RightsConfig;
import org.privacyplatform.rights.service.RequestClock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request as the subject and the DPO see it: its clock (with an extension and its reasons, Art. 12(3)), what
 * was done, what was kept and why, and, for an answer that does not grant the request in full (rejected, or
 * partially completed), where the subject may complain (Art. 12(4), 77).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String id, String subjectId, String type, String status, JsonNode details,
        OffsetDateTime receivedAt, OffsetDateTime dueAt, Extension extension, OffsetDateTime identityVerifiedAt,
        Rejection rejection, Complaint complaint, OffsetDateTime closedAt, List<Outcome> outcomes, List<JsonNode> kept,
        List<Step> history, Integer exportCopies) {

    /** Art. 12(3): the subject is told of the extension, with the reasons for the delay. */
    public record Extension(OffsetDateTime extendedAt, OffsetDateTime firstDueAt, OffsetDateTime dueAt, String reason,
            String notice) {
    }

    public record Rejection(String ground, String detail) {
    }

    /** Art. 12(4), 77, 79: the right to lodge a complaint with a supervisory authority and to a judicial remedy. */
    public record Complaint(String authority, String url, String notice) {
    }

    /** {@code holderSystem}: a business system holding the subject's data, asked for itself (else null). */
    public record Outcome(String recipientId, String status, JsonNode erased, JsonNode kept, String note,
            OffsetDateTime reportedAt, String holderSystem) {
    }

    /** {@code actorType} SUBJECT or DPO with their {@code sub}, SERVICE with the calling system's client id, SYSTEM. */
    public record Step(OffsetDateTime at, String action, String fromStatus, String toStatus, String actorType,
            String actor, String note) {
    }

    static RequestView of(RightsRequest r, List<RecipientOutcome> outcomes, List<RequestHistory> history,
            RightsConfig config, ObjectMapper json) {
        List<Outcome> outcomeViews = outcomes.stream().map(o -> new Outcome(o.recipientId, o.status, tree(json, o.erased),
                tree(json, o.kept), o.note, o.reportedAt, o.holderSystem)).toList();
        List<JsonNode> kept = new ArrayList<>();
        for (Outcome outcome : outcomeViews) {
            if (outcome.kept() != null) {
                outcome.kept().forEach(item -> kept.add(((com.fasterxml.jackson.databind.node.ObjectNode) item.deepCopy())
                        .put("recipientId", outcome.recipientId())));
            }
        }
        Rejection rejection = r.rejectionGround == null ? null : new Rejection(r.rejectionGround.name(), r.rejectionDetail);
        OffsetDateTime firstDueAt = RequestClock.dueAt(r.receivedAt);
        Extension extension = r.extendedAt == null ? null : new Extension(r.extendedAt, firstDueAt, r.dueAt,
                r.extensionReason, "The answer to your request was due on " + firstDueAt.toLocalDate()
                        + "; it is delayed until " + r.dueAt.toLocalDate() + ", for these reasons: " + r.extensionReason
                        + " (Art. 12(3) GDPR).");
        return new RequestView(r.id.toString(), r.subjectId, r.type.name(), r.status.name(), tree(json, r.details),
                r.receivedAt, r.dueAt, extension, r.identityVerifiedAt, rejection, complaint(r.status, config), r.closedAt,
                outcomeViews, kept,
                history.stream().map(h -> new Step(h.at, h.action, h.fromStatus == null ? null : h.fromStatus.name(),
                        h.toStatus.name(), h.actorType == null ? null : h.actorType.name(), h.actor, h.note)).toList(),
                r.exportCopies);
    }

    /**
     * Every answer that does not grant the request in full tells the subject where to complain: a rejection
     * (Art. 12(4)) and a partial completion (something was kept or a recipient failed). Open and fully granted
     * requests carry none.
     */
    static Complaint complaint(RequestStatus status, RightsConfig config) {
        String why = switch (status) {
            case REJECTED -> "Your request was refused.";
            case PARTIALLY_COMPLETED -> "Your request was not granted in full: see what was kept and why.";
            default -> null;
        };
        if (why == null) {
            return null;
        }
        String authority = config.supervisoryAuthority().name();
        return new Complaint(authority, config.supervisoryAuthority().url(), why + " You may lodge a complaint with "
                + authority + " and seek a judicial remedy (Art. 12(4), 77, 79 GDPR).");
    }

    private static JsonNode tree(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
