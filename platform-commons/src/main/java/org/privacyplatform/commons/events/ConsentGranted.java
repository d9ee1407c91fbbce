package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * A subject's consent now counts for a purpose (or a legitimate-interest objection was taken back).
 * {@code expiresAt} is set where the purpose's consent has a validity (cookies: 13 months).
 * {@code actorType} says who recorded it (SUBJECT, SERVICE, SYSTEM); {@code actorSystem} names the calling
 * system or platform service that did, and is null when a person did (an event never names a person).
 * {@code privacyNoticeVersion} is the version of the whole privacy notice the subject was shown beside the purpose's
 * {@code noticeVersion}, where the frontend said so (null otherwise). {@code parentalConsent}: a holder of parental
 * responsibility gave or authorised it (a subject under 15); who they are stays in the consent service's history.
 */
public record ConsentGranted(String subjectId, String purposeId, String legalBasis, String noticeVersion,
        String source, String actorType, String actorSystem, OffsetDateTime grantedAt, OffsetDateTime expiresAt,
        Integer privacyNoticeVersion, boolean parentalConsent) {
}
