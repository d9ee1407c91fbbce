package org.privacyplatform.rights.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RequestType;
import org.privacyplatform.rights.RightsRequest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
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

    /** A page of the subject's requests, oldest first, with one more row if another page follows. */
    public List<RightsRequest> forSubject(String subjectId, PageRequest page) {
        return find("subjectId = ?1 order by receivedAt, id", subjectId).range(page.offset(), page.lastFetched()).list();
    }

    /** The subject's requests of one type still in progress (a handful: one subject, one type). */
    public List<RightsRequest> inProgress(String subjectId, RequestType type) {
        return list("subjectId = ?1 and type = ?2 and status = ?3 order by receivedAt, id", subjectId, type,
                RequestStatus.IN_PROGRESS);
    }

    /** A page of the requests found, with one more row if another page follows. */
    public List<RightsRequest> search(RequestStatus status, boolean overdueOnly, OffsetDateTime now, PageRequest page) {
        PanacheQuery<RightsRequest> query;
        if (overdueOnly) {
            query = status == null ? find("status not in ?1 and dueAt < ?2 order by dueAt, id", CLOSED, now)
                    : find("status = ?1 and status not in ?2 and dueAt < ?3 order by dueAt, id", status, CLOSED, now);
        } else {
            query = status == null ? find("order by receivedAt, id") : find("status = ?1 order by receivedAt, id", status);
        }
        return query.range(page.offset(), page.lastFetched()).list();
    }

    /** The history of several requests in one query, in order. */
    public List<RequestHistory> history(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of()
                : getEntityManager().createQuery("from RequestHistory where requestId in ?1 order by id", RequestHistory.class)
                        .setParameter(1, requestIds).getResultList();
    }

    /** The outcomes of several requests in one query. */
    public List<RecipientOutcome> outcomes(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of()
                : getEntityManager().createQuery("from RecipientOutcome where requestId in ?1 order by recipientId",
                        RecipientOutcome.class).setParameter(1, requestIds).getResultList();
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
