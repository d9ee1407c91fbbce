package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer to a subject joining a device: since when the device is theirs, and the consents taken over now. */
public record DeviceJoinResponse(String subjectId, OffsetDateTime linkedAt, List<ConsentResponse> adopted) {
}
