package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** Art. 18: the subject's data may only be stored until the restriction is lifted. */
public record ProcessingRestricted(String requestId, String subjectId, String ground, OffsetDateTime restrictedAt) {
}
