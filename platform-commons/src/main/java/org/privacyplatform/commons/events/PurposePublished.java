package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** The DPO created or changed a purpose, or published a new notice version for it. */
public record PurposePublished(String purposeId, String legalBasis, boolean directMarketing, String validity,
        String noticeVersion, boolean requiresFreshConsent, OffsetDateTime publishedAt) {
}
