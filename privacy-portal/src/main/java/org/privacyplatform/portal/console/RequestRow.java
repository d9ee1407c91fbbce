package org.privacyplatform.portal.console;

import java.time.OffsetDateTime;

import org.privacyplatform.portal.api.Request;

/** A request in the console's queue, with where it stands against its due date. */
public record RequestRow(Request request, boolean overdue, boolean dueSoon) {

    static RequestRow of(Request request, OffsetDateTime now) {
        boolean open = request.closedAt() == null;
        boolean overdue = open && request.dueAt() != null && request.dueAt().isBefore(now);
        boolean soon = open && !overdue && request.dueAt() != null
                && request.dueAt().isBefore(now.plus(ConsoleTime.DUE_SOON));
        return new RequestRow(request, overdue, soon);
    }

    /** The row's class: overdue, soon or none. */
    public String getMark() {
        return overdue ? "overdue" : dueSoon ? "soon" : "";
    }
}
