package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.ConsentStatus;
import org.privacyplatform.consent.LegalBasis;
import org.privacyplatform.consent.service.PurposeCatalog;

/**
 * A device's standing on one purpose, as the banner shows it: {@code NONE} where the visitor never chose,
 * {@code EXPIRED} once a grant lapsed (ask again). {@code source} {@code gpc}: refused under Global Privacy Control.
 * Never the device's id or reference.
 */
public record DeviceConsentResponse(String purposeId, LegalBasis legalBasis, boolean directMarketing, String status,
        String noticeVersion, String currentNoticeVersion, String source, OffsetDateTime decidedAt,
        OffsetDateTime expiresAt, Boolean changed) {

    static DeviceConsentResponse of(PurposeCatalog.Entry purpose, ConsentState state, Boolean changed, OffsetDateTime now) {
        if (state == null) {
            return new DeviceConsentResponse(purpose.id(), purpose.legalBasis(), purpose.directMarketing(), "NONE", null,
                    purpose.currentNoticeVersion(), null, null, null, changed);
        }
        boolean lapsed = state.status == ConsentStatus.GRANTED && state.expiresAt != null && !state.expiresAt.isAfter(now);
        return new DeviceConsentResponse(purpose.id(), purpose.legalBasis(), purpose.directMarketing(),
                lapsed ? ConsentStatus.EXPIRED.name() : state.status.name(), state.noticeVersion,
                purpose.currentNoticeVersion(), state.source, state.decidedAt, state.expiresAt, changed);
    }
}
