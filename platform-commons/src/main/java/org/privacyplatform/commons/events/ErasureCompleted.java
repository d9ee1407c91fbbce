package org.privacyplatform.commons.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A service's answer to {@link ErasureRequested}: what it erased and what it had to keep, with the ground
 * for each (Art. 17(3)) and, where known, until when. {@code holders} (the retention service only, else null): the
 * business systems whose registered holdings it marked erased, each of which holds the data itself and must erase
 * it and answer (Art. 17, 19).
 */
public record ErasureCompleted(String requestId, String subjectId, String system, List<Erased> erased,
        List<Kept> kept, List<String> holders) {

    public ErasureCompleted(String requestId, String subjectId, String system, List<Erased> erased, List<Kept> kept) {
        this(requestId, subjectId, system, erased, kept, null);
    }

    public record Erased(String category, long count) {
    }

    public record Kept(String category, long count, String ground, LocalDate keptUntil) {
    }
}
