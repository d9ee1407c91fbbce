package org.privacyplatform.portal.centre;

import java.time.OffsetDateTime;
import java.util.Comparator;

import org.privacyplatform.portal.api.Consent;
import org.privacyplatform.portal.api.Purpose;

/**
 * One purpose as the privacy centre shows it to its subject: the notice in force, the legal basis, where they stand,
 * and what their one switch does.
 */
public record PurposeRow(Purpose purpose, Consent consent) {

    /** The subject's status on it: NONE where they never decided. */
    public String getStatus() {
        return consent == null ? "NONE" : consent.status();
    }

    /** For a consent purpose: on (granted and still counting) or off. */
    public boolean isOn() {
        return consent != null && consent.isGranted() && !isAskAgain();
    }

    /**
     * A grant given on an older notice, when a notice published since then asks for fresh consent: the subject is
     * asked again (the grant no longer counts).
     */
    public boolean isAskAgain() {
        if (consent == null || !consent.isGranted() || purpose.notices() == null || consent.noticeVersion() == null) {
            return false;
        }
        OffsetDateTime grantedOn = purpose.notices().stream().filter(n -> n.version().equals(consent.noticeVersion()))
                .map(Purpose.Notice::publishedAt).findFirst().orElse(null);
        return purpose.notices().stream().filter(Purpose.Notice::requiresFreshConsent)
                .filter(n -> !n.version().equals(consent.noticeVersion()))
                .anyMatch(n -> grantedOn == null || n.publishedAt().isAfter(grantedOn));
    }

    /**
     * For a legitimate-interest purpose: the subject objected to it (Art. 21), or, for direct marketing, objected
     * before an erasure that kept them on the suppression list ({@code SUPPRESSED}, Art. 21(3)): not processed either
     * way, and accepting it again lifts it.
     */
    public boolean isObjected() {
        return consent != null && ("OBJECTED".equals(consent.status()) || "SUPPRESSED".equals(consent.status()));
    }

    public String getNoticeText() {
        Purpose.Notice notice = purpose.currentNotice();
        return notice == null ? purpose.description() : notice.text();
    }

    /** The message key of the legal basis in plain words. */
    public String getBasisKey() {
        return "basis_" + purpose.legalBasis();
    }

    static final Comparator<PurposeRow> ORDER = Comparator
            .comparing((PurposeRow r) -> !r.purpose().isConsentBased())
            .thenComparing(r -> r.purpose().id());
}
