package org.privacyplatform.consent.client;

import java.time.OffsetDateTime;

/**
 * The consent service's answer: may this subject's data be processed for this purpose now, on which legal basis,
 * and why ({@code reason}: CONSENT_GIVEN, NO_CONSENT, CONSENT_WITHDRAWN, RESTRICTED, ...). {@code storageOnly}: the
 * data may be kept but not otherwise processed (a restriction). {@code expiresAt}: when a consent lapses.
 */
public record Decision(String subjectId, String purposeId, boolean allowed, String legalBasis, String reason,
        boolean storageOnly, String noticeVersion, OffsetDateTime expiresAt) {

    /** Whether the answer may still be given from memory at {@code now} (a consent that lapsed must be asked again). */
    boolean stillValidAt(OffsetDateTime now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
