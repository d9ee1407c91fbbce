package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/** Art. 18(3): a restriction ends; recorded only after the subject has been told. */
public record RestrictionLifted(String requestId, String subjectId, OffsetDateTime subjectInformedAt,
        OffsetDateTime liftedAt) {
}
