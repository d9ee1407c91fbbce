package org.privacyplatform.retention.repository;

import java.util.List;
import java.util.UUID;

import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.retention.LegalHold;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LegalHoldRepository implements PanacheRepositoryBase<LegalHold, UUID> {

    /** The standing holds that may keep some of this subject's data (check each holding with appliesTo). */
    public List<LegalHold> activeFor(String subjectId) {
        return list("liftedAt is null and (subjectId = ?1 or (subjectId is null and category in "
                + "(select h.category from Holding h where h.subjectId = ?1)))", subjectId);
    }

    /**
     * Keys by {@code pseudonym} every legal hold naming {@code subjectId}, with every occurrence of the id in its
     * case reference and reason replaced by the pseudonym too.
     */
    public void rekey(String subjectId, String pseudonym) {
        getEntityManager().createNativeQuery("""
                update legal_hold set subject_id = ?2, case_reference = replace(case_reference, ?1, ?2),
                    reason = replace(reason, ?1, ?2)
                where subject_id = ?1""")
                .setParameter(1, subjectId).setParameter(2, pseudonym).executeUpdate();
    }

    /**
     * Up to {@code limit} standing holds whose end date is over on {@code today} (a hold holds through all of its end
     * day), locked; those another transaction holds are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<LegalHold> lockEnded(java.time.LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                select * from legal_hold where lifted_at is null and ends_on < ?1
                order by ends_on, id limit ?2 for update skip locked""", LegalHold.class)
                .setParameter(1, today).setParameter(2, limit).getResultList();
    }

    /** A page of the legal holds (standing ones only, or all), oldest first, with one more if another page follows. */
    public List<LegalHold> listAll(boolean activeOnly, PageRequest page) {
        return (activeOnly ? find("liftedAt is null order by placedAt, id") : find("order by placedAt, id"))
                .range(page.offset(), page.lastFetched()).list();
    }
}
