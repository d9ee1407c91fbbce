package org.privacyplatform.portal.console.api;

import java.time.OffsetDateTime;
import java.util.List;

/** The latest signed tree head of the audit log, with the witnesses' cosignatures. */
public record Checkpoint(String origin, long treeSize, String rootHash, OffsetDateTime timestamp, String keyId,
        String signature, String note, List<Cosignature> cosignatures) {

    /** timestamp: seconds since the epoch (tlog-cosignature). */
    public record Cosignature(String witness, String keyId, long timestamp, String signature) {

        public java.time.Instant getTime() {
            return java.time.Instant.ofEpochSecond(timestamp);
        }
    }
}
