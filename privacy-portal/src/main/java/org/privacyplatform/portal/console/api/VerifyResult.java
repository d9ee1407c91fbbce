package org.privacyplatform.portal.console.api;

import java.util.List;

/** POST /audit/verify: the tree recomputed from the leaves and compared with every checkpoint. */
public record VerifyResult(boolean valid, long treeSize, Long firstMismatch, Integer checkpointsChecked,
        Long shreddedLeaves, List<String> problems) {

    public int checked() {
        return checkpointsChecked == null ? 0 : checkpointsChecked;
    }
}
