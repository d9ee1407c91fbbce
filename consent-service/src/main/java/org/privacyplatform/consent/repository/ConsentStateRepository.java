package org.privacyplatform.consent.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.privacyplatform.consent.ConsentState;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class ConsentStateRepository implements PanacheRepositoryBase<ConsentState, ConsentState.Key> {

    public List<ConsentState> forSubject(String subjectId) {
        return list("subjectId = ?1 order by purposeId", subjectId);
    }

    /** The subject's state on a purpose, locked for update so that concurrent decisions serialise. */
    public Optional<ConsentState> lockFor(String subjectId, String purposeId) {
        return find("subjectId = ?1 and purposeId = ?2", subjectId, purposeId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Grants whose validity ran out, locked; rows another instance is already expiring are skipped, so
     * each lapse is handled exactly once.
     */
    @SuppressWarnings("unchecked")
    public List<ConsentState> lockExpiredGrants(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("""
                select * from consent_state
                where status = 'GRANTED' and expires_at is not null and expires_at <= ?1
                order by expires_at
                limit ?2
                for update skip locked""", ConsentState.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    public long deleteForSubject(String subjectId) {
        return delete("subjectId", subjectId);
    }
}
