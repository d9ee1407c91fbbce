package org.privacyplatform.portal.console.api;

import java.time.OffsetDateTime;
import java.util.List;

/** One version of the generated privacy notice and what changed from the previous one. */
public record NoticeVersion(Integer version, OffsetDateTime publishedAt, Integer catalogueVersion, String contentHash,
        Integer previousVersion, List<Change> changes) {

    public record Change(String path, String change, String before, String after) {
    }
}
