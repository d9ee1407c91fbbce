package org.privacyplatform.consent.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.privacyplatform.consent.MarketingSuppression;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SuppressionRepository implements PanacheRepositoryBase<MarketingSuppression, String> {

    /** Which of these pseudonyms are on the list. */
    public List<String> listed(Collection<String> pseudonyms) {
        return getEntityManager().createQuery("select s.pseudonym from MarketingSuppression s where s.pseudonym in ?1",
                String.class).setParameter(1, pseudonyms).getResultList();
    }

    /** Deletes the rows kept long enough (their keep-until day is over); returns how many. */
    public long deleteLapsed(LocalDate today) {
        return delete("keepUntil < ?1", today);
    }
}
