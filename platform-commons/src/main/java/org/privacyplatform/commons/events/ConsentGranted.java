package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * A subject's consent now counts for a purpose (or a legitimate-interest objection was taken back).
 * {@code expiresAt} is set where the purpose's consent has a validity (cookies: 13 months).
 */
public record ConsentGranted(String subjectId, String purposeId, String legalBasis, String noticeVersion,
        String source, OffsetDateTime grantedAt, OffsetDateTime expiresAt) {
}
