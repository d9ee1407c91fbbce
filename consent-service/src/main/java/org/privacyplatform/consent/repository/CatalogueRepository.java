package org.privacyplatform.consent.repository;

import java.util.Optional;

import org.privacyplatform.commons.db.AdvisoryLocks;
import org.privacyplatform.consent.CatalogueVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The states of the DPO's catalogue. */
@ApplicationScoped
public class CatalogueRepository implements PanacheRepositoryBase<CatalogueVersion, Integer> {

    /** Serialises every change of the catalogue and the notice (until the transaction ends), across instances. */
    public void lockForPublication() {
        AdvisoryLocks.lock(getEntityManager(), "consent-service:notice");
    }

    public Optional<CatalogueVersion> latest() {
        return find("order by version desc").firstResultOptional();
    }
}
