package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * The DPO created or changed a purpose, or published a new notice version for it. {@code legalClaims}: the purpose
 * serves the establishment, exercise or defence of legal claims, so it goes on while a subject is restricted
 * (Art. 18(2) GDPR); absent from events written before it existed.
 */
public record PurposePublished(String purposeId, String legalBasis, boolean directMarketing, String validity,
        String noticeVersion, boolean requiresFreshConsent, boolean legalClaims, OffsetDateTime publishedAt) {
}
