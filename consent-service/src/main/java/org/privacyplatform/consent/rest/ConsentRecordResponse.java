package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.ConsentRecord;

/** One decision of the history: what, on which notice version, from where, when. */
public record ConsentRecordResponse(long id, String subjectId, String purposeId, String status, String noticeVersion,
        String source, String reason, OffsetDateTime recordedAt, OffsetDateTime pseudonymisedAt) {

    static ConsentRecordResponse of(ConsentRecord record) {
        return new ConsentRecordResponse(record.id, record.subjectId, record.purposeId, record.status.name(),
                record.noticeVersion, record.source, record.reason, record.recordedAt, record.pseudonymisedAt);
    }
}
