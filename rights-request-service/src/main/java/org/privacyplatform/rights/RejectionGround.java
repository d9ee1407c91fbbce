package org.privacyplatform.rights;

/** Why a request may be refused (Art. 12(5), 12(6), 17(3), 21(1)). */
public enum RejectionGround {
    MANIFESTLY_UNFOUNDED,
    EXCESSIVE,
    IDENTITY_NOT_VERIFIED,
    /** Erasure refused on an Art. 17(3) ground: legal obligation, legal claims, ... (say which in the detail). */
    ARTICLE_17_3_EXCEPTION,
    /**
     * An objection to processing other than direct marketing, refused after the DPO's review: the controller shows
     * compelling legitimate grounds that override the subject's interests, or the processing serves legal claims
     * (Art. 21(1); say which in the detail). Only for objections.
     */
    COMPELLING_LEGITIMATE_GROUNDS
}
