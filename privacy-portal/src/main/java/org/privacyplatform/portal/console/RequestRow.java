package org.privacyplatform.portal.console;

import java.time.OffsetDateTime;

import org.privacyplatform.portal.api.Request;

/** A request in the console's queue, with where it stands against its due date. */
public record RequestRow(Request request, boolean overdue, boolean dueSoon) {

    /**
     * Post-mortem instructions once filed as requests (before the rights service's migration V4) are not on the
     * one-month clock: never overdue, never due soon, as the service's {@code ?overdue=true} and its metric.
     */
    static RequestRow of(Request request, OffsetDateTime now) {
        boolean open = request.closedAt() == null && !"POST_MORTEM_INSTRUCTIONS".equals(request.type());
        boolean overdue = open && request.dueAt() != null && request.dueAt().isBefore(now);
        boolean soon = open && !overdue && request.dueAt() != null
                && request.dueAt().isBefore(now.plus(ConsoleTime.DUE_SOON));
        return new RequestRow(request, overdue, soon);
    }

    /** One step of the request's history, as the page shows it. */
    public record HistoryRow(OffsetDateTime at, String action, String toStatus, String actorType, String actor,
            String note) {
    }

    /*
     * The page reads the request's nested parts through these flat getters: Qute's generated resolvers for the nested
     * records of api.Request cannot be loaded under @QuarkusTest (NoClassDefFoundError), so templates never name them.
     */

    public boolean isExtended() {
        return request.extension() != null;
    }

    public String getExtensionNotice() {
        var e = request.extension();
        return e == null ? null : e.notice() != null ? e.notice() : e.reason();
    }

    public OffsetDateTime getFirstDueAt() {
        return request.extension() == null ? null : request.extension().firstDueAt();
    }

    public String getRejectionGround() {
        return request.rejection() == null ? null : request.rejection().ground();
    }

    public String getRejectionDetail() {
        return request.rejection() == null ? null : request.rejection().detail();
    }

    public String getComplaintNotice() {
        return request.complaint() == null ? null : request.complaint().notice();
    }

    public String getComplaintUrl() {
        return request.complaint() == null ? null : request.complaint().url();
    }

    public String getComplaintAuthority() {
        return request.complaint() == null ? null : request.complaint().authority();
    }

    public boolean isSubjectReads() {
        return request.extension() != null || request.rejection() != null || request.complaint() != null;
    }

    public java.util.List<HistoryRow> getHistory() {
        return request.history() == null ? java.util.List.of() : request.history().stream()
                .map(h -> new HistoryRow(h.at(), h.action(), h.toStatus(), h.actorType(), h.actor(), h.note())).toList();
    }

    /** The row's class: overdue, soon or none. */
    public String getMark() {
        return overdue ? "overdue" : dueSoon ? "soon" : "";
    }
}
