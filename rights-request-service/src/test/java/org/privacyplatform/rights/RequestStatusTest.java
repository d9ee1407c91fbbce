package org.privacyplatform.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every move of the state machine, allowed or not (the lifecycle diagram in the README). */
class RequestStatusTest {

    private static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = Map.of(
            RequestStatus.RECEIVED, EnumSet.of(RequestStatus.IDENTITY_VERIFIED, RequestStatus.REJECTED),
            RequestStatus.IDENTITY_VERIFIED, EnumSet.of(RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                    RequestStatus.REJECTED),
            RequestStatus.IN_PROGRESS, EnumSet.of(RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED,
                    RequestStatus.REJECTED),
            RequestStatus.COMPLETED, EnumSet.noneOf(RequestStatus.class),
            RequestStatus.PARTIALLY_COMPLETED, EnumSet.noneOf(RequestStatus.class),
            RequestStatus.REJECTED, EnumSet.noneOf(RequestStatus.class));

    @Test
    void statusesMoveOnlyForwardAlongTheDocumentedMachine() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyTheEndsAreClosed() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus::isClosed))
                .containsExactlyInAnyOrder(RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED, RequestStatus.REJECTED);
    }
}
