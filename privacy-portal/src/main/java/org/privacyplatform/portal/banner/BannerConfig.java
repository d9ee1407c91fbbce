package org.privacyplatform.portal.banner;

import java.util.List;

import org.privacyplatform.portal.api.Purpose;

/**
 * What banner.js needs besides its own words: where the visitor's browser reaches the consent service, and the
 * purposes to show. {@code catalogueLang}: the language of the purposes' names and texts (the public catalogue's).
 */
public record BannerConfig(String consentApi, String lang, String catalogueLang, List<BannerPurpose> purposes) {

    /**
     * A purpose as the banner shows it: {@code essential} ones (strictly necessary, no consent needed) are shown as
     * always on; the others are the device-eligible consent purposes the visitor decides.
     */
    public record BannerPurpose(String id, String name, String description, String legalBasis, boolean directMarketing,
            boolean essential, String currentNoticeVersion, boolean requiresFreshConsent, String validity) {

        static BannerPurpose of(Purpose purpose, boolean essential) {
            Purpose.Notice notice = purpose.currentNotice();
            return new BannerPurpose(purpose.id(), purpose.name(),
                    notice != null && notice.text() != null ? notice.text() : purpose.description(),
                    purpose.legalBasis(), purpose.directMarketing(), essential, purpose.currentNoticeVersion(),
                    notice != null && notice.requiresFreshConsent(), purpose.validity());
        }
    }
}
