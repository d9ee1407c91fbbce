package org.privacyplatform.rights.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RightsRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class RequestRepository implements PanacheRepositoryBase<RightsRequest, UUID> {

    private static final List<RequestStatus> CLOSED = List.of(RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED,
            RequestStatus.REJECTED);

    public Optional<RightsRequest> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<RightsRequest> forSubject(String subjectId) {
        return list("subjectId = ?1 order by receivedAt", subjectId);
    }

    public List<RightsRequest> search(RequestStatus status, boolean overdueOnly, OffsetDateTime now) {
        if (overdueOnly) {
            return status == null ? list("status not in ?1 and dueAt < ?2 order by dueAt", CLOSED, now)
                    : list("status = ?1 and status not in ?2 and dueAt < ?3 order by dueAt", status, CLOSED, now);
        }
        return status == null ? list("order by receivedAt") : list("status = ?1 order by receivedAt", status);
    }

    public long countOverdue(OffsetDateTime now) {
        return count("status not in ?1 and dueAt < ?2", CLOSED, now);
    }

    public List<RequestHistory> history(UUID requestId) {
        return getEntityManager().createQuery("from RequestHistory where requestId = ?1 order by id", RequestHistory.class)
                .setParameter(1, requestId).getResultList();
    }

    public void persistHistory(RequestHistory history) {
        getEntityManager().persist(history);
    }

    public List<RecipientOutcome> outcomes(UUID requestId) {
        return getEntityManager()
                .createQuery("from RecipientOutcome where requestId = ?1 order by recipientId", RecipientOutcome.class)
                .setParameter(1, requestId).getResultList();
    }

    /**
     * The recipients whose answer is still awaited, read from the database as it is now: a scalar query, so
     * outcomes this transaction loaded earlier (and another has since answered) cannot hide a newer answer.
     */
    public List<String> pendingRecipients(UUID requestId) {
        flush();
        return getEntityManager().createQuery("select o.recipientId from RecipientOutcome o where o.requestId = ?1"
                + " and o.status = '" + RecipientOutcome.PENDING + "' order by o.recipientId", String.class)
                .setParameter(1, requestId).getResultList();
    }

    /** How many recipients answered with less than DONE (PARTIAL or FAILED), read as {@link #pendingRecipients}. */
    public long answersShortOfDone(UUID requestId) {
        flush();
        return getEntityManager().createQuery("select count(o) from RecipientOutcome o where o.requestId = ?1"
                + " and o.status not in ('" + RecipientOutcome.DONE + "', '" + RecipientOutcome.PENDING + "')", Long.class)
                .setParameter(1, requestId).getSingleResult();
    }

    public Optional<RecipientOutcome> lockOutcome(UUID requestId, String recipientId) {
        return getEntityManager()
                .createQuery("from RecipientOutcome where requestId = ?1 and recipientId = ?2", RecipientOutcome.class)
                .setParameter(1, requestId).setParameter(2, recipientId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public void persistOutcome(RecipientOutcome outcome) {
        getEntityManager().persist(outcome);
    }
}
