package org.privacyplatform.rights;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a request; statuses only move forward:
 * RECEIVED -> IDENTITY_VERIFIED -> IN_PROGRESS -> COMPLETED | PARTIALLY_COMPLETED; IDENTITY_VERIFIED -> COMPLETED
 * directly (an objection to direct marketing only, passed on at once); and REJECTED from any open status. The waits
 * inside IN_PROGRESS (OBJECTION_UNDER_REVIEW, CORRECTIONS_AWAIT_DPO, recipients PENDING) are history steps, not
 * statuses: README, the state machine.
 */
public enum RequestStatus {
    RECEIVED,
    IDENTITY_VERIFIED,
    IN_PROGRESS,
    COMPLETED,
    PARTIALLY_COMPLETED,
    REJECTED;

    public boolean isClosed() {
        return this == COMPLETED || this == PARTIALLY_COMPLETED || this == REJECTED;
    }

    public boolean canMoveTo(RequestStatus next) {
        return allowedNext().contains(next);
    }

    public Set<RequestStatus> allowedNext() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(IDENTITY_VERIFIED, REJECTED);
            case IDENTITY_VERIFIED -> EnumSet.of(IN_PROGRESS, COMPLETED, REJECTED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, PARTIALLY_COMPLETED, REJECTED);
            case COMPLETED, PARTIALLY_COMPLETED, REJECTED -> EnumSet.noneOf(RequestStatus.class);
        };
    }
}
