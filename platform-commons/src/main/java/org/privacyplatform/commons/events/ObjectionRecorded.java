package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Art. 21: the subject objects to processing based on legitimate interests. {@code purposeIds} names the
 * purposes; empty means every legitimate-interest purpose. Objections to direct marketing are absolute.
 */
public record ObjectionRecorded(String requestId, String subjectId, List<String> purposeIds, boolean directMarketingOnly,
        OffsetDateTime recordedAt) {
}
