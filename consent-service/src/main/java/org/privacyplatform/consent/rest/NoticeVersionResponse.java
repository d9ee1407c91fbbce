package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.privacyplatform.consent.NoticeVersion;
import org.privacyplatform.consent.service.NoticeService;

/**
 * One version of the whole privacy notice: when it was published, the hashes {@code NoticePublished} carries (the
 * SHA-256 of each language's Markdown text as {@code GET /notice/versions/{version}} serves it with
 * {@code Accept: text/markdown}), and what changed from the previous version.
 */
public record NoticeVersionResponse(int version, OffsetDateTime publishedAt, int catalogueVersion, String contentHash,
        Map<String, String> textHashes, Integer previousVersion, List<NoticeService.Change> changes) {

    static NoticeVersionResponse of(NoticeVersion v, List<NoticeService.Change> changes) {
        return new NoticeVersionResponse(v.version, v.publishedAt, v.catalogueVersion, v.contentHash,
                Map.of("en", v.hashEn, "fr", v.hashFr), v.version > 1 ? v.version - 1 : null, changes);
    }
}
