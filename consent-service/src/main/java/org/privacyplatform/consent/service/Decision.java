package org.privacyplatform.consent.service;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.LegalBasis;

/**
 * Whether processing for a purpose may happen now, and why.
 *
 * @param storageOnly true while the subject's processing is restricted (Art. 18): keep, do not use
 */
public record Decision(boolean allowed, LegalBasis legalBasis, Reason reason, String detail, boolean storageOnly,
        String noticeVersion, OffsetDateTime expiresAt) {

    public enum Reason {
        CONSENT_GIVEN,
        NO_CONSENT,
        CONSENT_WITHDRAWN,
        CONSENT_EXPIRED,
        NOTICE_OUTDATED,
        CONTRACT,
        LEGAL_OBLIGATION,
        LEGITIMATE_INTEREST,
        OBJECTED,
        OBJECTED_DIRECT_MARKETING,
        RESTRICTED,
        /** Art. 18(2): the subject's processing is restricted, and they consented to this purpose after it was */
        CONSENT_AFTER_RESTRICTION,
        /**
         * Art. 18(2): the subject's processing is restricted, and this purpose serves the establishment, exercise or
         * defence of legal claims (the DPO marks it so), on its own legal basis
         */
        LEGAL_CLAIMS_DURING_RESTRICTION,
        /**
         * Art. 8 GDPR, art. 45 loi Informatique et Libertés: the subject is under 15 (or was when they consented) and no
         * holder of parental responsibility gave or authorised the consent
         */
        MINOR_WITHOUT_PARENTAL_CONSENT,
        /**
         * Art. 21(3) GDPR: the subject objected to direct marketing (or withdrew a consent to it) before their data was
         * erased, and is on the suppression list by pseudonym; a new choice of theirs on the purpose lifts it
         */
        SUPPRESSED_AFTER_ERASURE
    }
}
