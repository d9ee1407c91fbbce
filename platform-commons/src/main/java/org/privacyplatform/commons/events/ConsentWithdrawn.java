package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * Processing for a purpose no longer rests on the subject's consent or is objected to.
 * {@code reason}: {@code WITHDRAWN} (Art. 7(3)), {@code OBJECTION} (Art. 21; absolute when
 * {@code directMarketing}), {@code EXPIRED} (the consent's validity ran out). {@code actorType} and
 * {@code actorSystem} as in {@link ConsentGranted}.
 */
public record ConsentWithdrawn(String subjectId, String purposeId, String legalBasis, String noticeVersion,
        String source, String actorType, String actorSystem, String reason, boolean directMarketing,
        OffsetDateTime withdrawnAt) {

    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String OBJECTION = "OBJECTION";
    public static final String EXPIRED = "EXPIRED";
}
