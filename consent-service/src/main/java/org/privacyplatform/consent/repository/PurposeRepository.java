package org.privacyplatform.consent.repository;

import java.util.List;
import java.util.Optional;

import org.privacyplatform.consent.Purpose;
import org.privacyplatform.consent.PurposeNotice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {

    public List<Purpose> listOrdered() {
        return list("order by id");
    }

    /** One page of the catalogue by id, plus the first entry of the next page if there is one. */
    public List<Purpose> page(org.privacyplatform.commons.paging.PageRequest page) {
        return find("order by id").range(page.offset(), page.lastFetched()).list();
    }

    /** Every notice of every purpose, oldest first within each purpose. */
    public List<PurposeNotice> allNotices() {
        return getEntityManager().createQuery("from PurposeNotice order by purposeId, seq", PurposeNotice.class)
                .getResultList();
    }

    public List<PurposeNotice> notices(String purposeId) {
        return getEntityManager()
                .createQuery("from PurposeNotice where purposeId = ?1 order by seq", PurposeNotice.class)
                .setParameter(1, purposeId).getResultList();
    }

    public Optional<PurposeNotice> notice(String purposeId, String version) {
        return Optional.ofNullable(getEntityManager().find(PurposeNotice.class, new PurposeNotice.Key(purposeId, version)));
    }

    public void persistNotice(PurposeNotice notice) {
        getEntityManager().persist(notice);
    }
}
