package org.privacyplatform.rights;

/** Why a request may be refused (Art. 12(5), 12(6), 17(3)). */
public enum RejectionGround {
    MANIFESTLY_UNFOUNDED,
    EXCESSIVE,
    IDENTITY_NOT_VERIFIED,
    /** Erasure refused on an Art. 17(3) ground: legal obligation, legal claims, ... (say which in the detail). */
    ARTICLE_17_3_EXCEPTION
}
