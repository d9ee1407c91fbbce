package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.Purpose;
import org.privacyplatform.consent.PurposeNotice;

/** A purpose as the API shows it, with every notice version published for it. */
public record PurposeResponse(String id, String name, String description, LegalBasis legalBasis,
        boolean directMarketing, boolean deviceEligible, boolean legalClaims, String validity, String currentNoticeVersion, OffsetDateTime updatedAt,
        List<Notice> notices) {

    public record Notice(String version, String text, boolean requiresFreshConsent, OffsetDateTime publishedAt) {
        static Notice of(PurposeNotice notice) {
            return new Notice(notice.version, notice.text, notice.requiresFreshConsent, notice.publishedAt);
        }
    }

    public static PurposeResponse of(Purpose purpose, List<PurposeNotice> notices) {
        return new PurposeResponse(purpose.id, purpose.name, purpose.description, purpose.legalBasis,
                purpose.directMarketing, purpose.deviceEligible, purpose.legalClaims, purpose.validity, purpose.currentNoticeVersion, purpose.updatedAt,
                notices.stream().map(Notice::of).toList());
    }
}
