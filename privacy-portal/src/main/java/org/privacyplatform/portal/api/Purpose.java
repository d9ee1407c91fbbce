package org.privacyplatform.portal.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A purpose as consent-service's GET /purposes shows it (the fields the portal uses). */
public record Purpose(String id, String name, String description, String legalBasis, boolean directMarketing,
        boolean deviceEligible, String validity, String currentNoticeVersion, List<Notice> notices) {

    public record Notice(String version, String text, boolean requiresFreshConsent, OffsetDateTime publishedAt) {
    }

    /** The notice in force: the one of the current version. */
    public Notice currentNotice() {
        if (notices == null) {
            return null;
        }
        return notices.stream().filter(n -> n.version().equals(currentNoticeVersion)).findFirst().orElse(null);
    }

    public boolean isConsentBased() {
        return "CONSENT".equals(legalBasis);
    }

    public boolean isLegitimateInterest() {
        return "LEGITIMATE_INTEREST".equals(legalBasis);
    }
}
