package org.privacyplatform.portal.api;

import java.time.OffsetDateTime;

/** One decision in a subject's consent history. */
public record ConsentRecord(long id, String purposeId, String status, String noticeVersion, String source,
        String actorType, String reason, OffsetDateTime recordedAt) {
}
