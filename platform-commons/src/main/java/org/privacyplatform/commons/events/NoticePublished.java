package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A new version of the whole privacy notice became public. {@code textHashes} maps each language to the lowercase
 * hex SHA-256 of the notice's Markdown text in that language (UTF-8), exactly as {@code GET /notice/versions/{version}}
 * serves it; {@code contentHash} is the SHA-256 of the notice's content (what every rendering is generated from).
 */
public record NoticePublished(int noticeVersion, int catalogueVersion, String contentHash, Map<String, String> textHashes,
        OffsetDateTime publishedAt) {
}
