package org.privacyplatform.portal.console.api;

import java.time.OffsetDateTime;

/** A retention rule (one version of it), as retention-service shows it. */
public record Policy(String id, Integer version, String category, String description, String anchor, String period,
        String endAction, String archivePeriod, String consentPurpose, Boolean statutory, String ground, String backstop,
        Boolean restartAfterHold, String limitationPeriod, OffsetDateTime changedAt) {
}
