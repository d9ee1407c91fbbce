package org.privacyplatform.audit.verifier;

import java.util.List;

/**
 * The witnesses an auditor pins ({@code --witness NAME=BASE64KEY}, repeatable) and how many of them must have
 * cosigned a checkpoint ({@code --quorum}, all of them by default).
 */
record Witnessing(List<Pinned> witnesses, int quorum) {

    static final Witnessing NONE = new Witnessing(List.of(), 0);

    /** A witness's key name and raw 32-byte Ed25519 public key. */
    record Pinned(String name, byte[] publicKey) {
    }

    boolean pinned() {
        return !witnesses.isEmpty();
    }
}
