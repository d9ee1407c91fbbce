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

    /** A page of the legal holds (standing ones only, or all), oldest first, with one more if another page follows. */
    public List<LegalHold> listAll(boolean activeOnly, PageRequest page) {
        return (activeOnly ? find("liftedAt is null order by placedAt, id") : find("order by placedAt, id"))
                .range(page.offset(), page.lastFetched()).list();
    }
}
