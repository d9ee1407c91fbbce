package org.privacyplatform.consent.repository;

import java.time.OffsetDateTime;
import java.util.List;

import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.consent.ConsentRecord;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, Long> {

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
