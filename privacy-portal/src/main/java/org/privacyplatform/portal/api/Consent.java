package org.privacyplatform.portal.api;

import java.time.OffsetDateTime;

/** A subject's standing on one purpose (consent-service's GET /subjects/{id}/consents). */
public record Consent(String purposeId, String legalBasis, String status, String noticeVersion,
        String currentNoticeVersion, String source, OffsetDateTime decidedAt, OffsetDateTime expiresAt) {

    public boolean isGranted() {
        return "GRANTED".equals(status);
    }
}
