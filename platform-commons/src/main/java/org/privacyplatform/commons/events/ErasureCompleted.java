package org.privacyplatform.commons.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A service's answer to {@link ErasureRequested}: what it erased and what it had to keep, with the ground
 * for each (Art. 17(3)) and, where known, until when.
 */
public record ErasureCompleted(String requestId, String subjectId, String system, List<Erased> erased,
        List<Kept> kept) {

    public record Erased(String category, long count) {
    }

    public record Kept(String category, long count, String ground, LocalDate keptUntil) {
    }
}
