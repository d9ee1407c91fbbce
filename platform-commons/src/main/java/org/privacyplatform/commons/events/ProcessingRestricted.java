package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * Art. 18: the subject's data may only be stored until the restriction is lifted. The ground the subject gave
 * stays in the rights-request service: {@code requestId} is the reference.
 */
public record ProcessingRestricted(String requestId, String subjectId, OffsetDateTime restrictedAt) {
}
