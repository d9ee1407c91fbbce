package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.ConsentRecord;

/**
 * One decision of the history: what, on which notice version (and which version of the whole privacy notice), from where (the declared {@code source}), who
 * recorded it ({@code actorType} SUBJECT with their sub, SERVICE with the calling system's client id, SYSTEM;
 * null on records older than the actor), when. {@code parentalConsentHolder}: on a grant a holder of parental
 * responsibility gave or authorised (a subject under 15), the calling system's reference of that holder.
 */
public record ConsentRecordResponse(long id, String subjectId, String purposeId, String status, String noticeVersion,
        Integer privacyNoticeVersion, String source, String actorType, String actor, String reason,
        String parentalConsentHolder, OffsetDateTime recordedAt, OffsetDateTime pseudonymisedAt) {

    static ConsentRecordResponse of(ConsentRecord record) {
        return new ConsentRecordResponse(record.id, record.subjectId, record.purposeId, record.status.name(),
                record.noticeVersion, record.privacyNoticeVersion, record.source, record.actorType == null ? null : record.actorType.name(),
                record.actor, record.reason, record.parentalConsentHolder, record.recordedAt, record.pseudonymisedAt);
    }
}
