package org.privacyplatform.consent.repository;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

import org.hibernate.Session;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.consent.ConsentRecord;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, Long> {

    /**
     * Appends a record to the history with one plain JDBC insert on the transaction's connection (the hot path of
     * every change): the history is append-only, so the session never needs to track the row. Its id is not read.
     */
    public void append(ConsentRecord record) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into consent_record (subject_id, purpose_id, status, notice_version, privacy_notice_version,
                        source, actor_type, actor, reason, parental_consent_holder, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, record.subjectId);
                insert.setString(2, record.purposeId);
                insert.setString(3, record.status.name());
                insert.setString(4, record.noticeVersion);
                insert.setObject(5, record.privacyNoticeVersion, Types.INTEGER);
                insert.setString(6, record.source);
                insert.setString(7, record.actorType == null ? null : record.actorType.name());
                insert.setString(8, record.actor);
                insert.setString(9, record.reason);
                insert.setString(10, record.parentalConsentHolder);
                insert.setObject(11, record.recordedAt);
                insert.executeUpdate();
            }
        });
    }

    /** A page of the records kept under any of these keys (the subject id, its pseudonym), oldest first. */
    public List<ConsentRecord> history(List<String> subjectKeys, PageRequest page) {
        return find("subjectId in ?1 order by id", subjectKeys).range(page.offset(), page.lastFetched()).list();
    }

    /**
     * Erasure: the history stays as proof, under a pseudonym instead of the subject id, also where the subject
     * was the actor (their sub is their subject id).
     */
    public int pseudonymise(String subjectId, String pseudonym, OffsetDateTime at) {
        return update("subjectId = ?1, pseudonymisedAt = ?2, actor = case when actor = ?3 then ?1 else actor end"
                + " where subjectId = ?3 and pseudonymisedAt is null", pseudonym, at, subjectId);
    }

    /** The pseudonymous proof of an erased subject, destroyed when its retention ran out. */
    public long deletePseudonymised(String pseudonym) {
        return delete("subjectId = ?1 and pseudonymisedAt is not null", pseudonym);
    }
}
