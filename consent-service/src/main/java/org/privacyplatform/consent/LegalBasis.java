package org.privacyplatform.consent;

/** Art. 6(1) GDPR: the legal bases the reference policy uses. */
public enum LegalBasis {
    /** Art. 6(1)(a): needs an active, unexpired grant on a notice version that still counts. */
    CONSENT,
    /** Art. 6(1)(b): allowed while the contract runs. */
    CONTRACT,
    /** Art. 6(1)(c): allowed; the subject cannot refuse it. */
    LEGAL_OBLIGATION,
    /** Art. 6(1)(f): allowed unless the subject objected (Art. 21). */
    LEGITIMATE_INTEREST
}
