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
    /** Post-mortem instructions kept as requests before migration V4: never on the Art. 12 clock, never overdue. */
    private static final RequestType OFF_THE_CLOCK = RequestType.POST_MORTEM_INSTRUCTIONS;

    public Optional<RightsRequest> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A page of the requests kept under any of these keys (the subject id, and its pseudonym once an erasure
     * completed), oldest first, with one more row if another page follows.
     */
    public List<RightsRequest> forSubject(List<String> subjectKeys, PageRequest page) {
        return find("subjectId in ?1 order by receivedAt, id", subjectKeys).range(page.offset(), page.lastFetched()).list();
    }

    /**
     * The subject's erasure completed: every request of theirs, its outcomes and its history are keyed by the
     * pseudonym, and every occurrence of their id in the free text kept with them (details, reasons, notes, outcomes) is
     * replaced by it. Runs as SQL after a flush;
     * each request's version moves, so that a transaction holding an older copy cannot write the id back.
     */
    public int pseudonymise(String subjectId, String pseudonym, OffsetDateTime at) {
        flush();
        var em = getEntityManager();
        em.createNativeQuery("""
                update request_history h set pseudonymised_at = ?3,
                    actor = case when h.actor_type = 'SUBJECT' and h.actor = ?1 then ?2 else h.actor end,
                    note = replace(h.note, ?1, ?2)
                from rights_request r
                where r.id = h.request_id and r.subject_id = ?1 and h.pseudonymised_at is null""")
                .setParameter(1, subjectId).setParameter(2, pseudonym).setParameter(3, at)
                .executeUpdate();
        em.createNativeQuery("""
                update recipient_outcome o set note = replace(o.note, ?1, ?2),
                    erased = replace(o.erased, ?1, ?2), kept = replace(o.kept, ?1, ?2)
                from rights_request r
                where r.id = o.request_id and r.subject_id = ?1""")
                .setParameter(1, subjectId).setParameter(2, pseudonym).executeUpdate();
        int requests = em.createNativeQuery("""
                update rights_request set subject_id = ?2, pseudonymised_at = ?3, version = version + 1,
                    details = replace(details, ?1, ?2), extension_reason = replace(extension_reason, ?1, ?2),
                    rejection_detail = replace(rejection_detail, ?1, ?2)
                where subject_id = ?1""")
                .setParameter(1, subjectId).setParameter(2, pseudonym).setParameter(3, at)
                .executeUpdate();
        // the subject's post-mortem instructions and recorded death, if any, are theirs too
        em.createNativeQuery("update post_mortem_instructions set subject_id = ?2, pseudonymised_at = ?3, "
                + "actor = case when actor_type = 'SUBJECT' and actor = ?1 then ?2 else actor end where subject_id = ?1")
                .setParameter(1, subjectId).setParameter(2, pseudonym).setParameter(3, at).executeUpdate();
        em.createNativeQuery("update recorded_death set subject_id = ?2, pseudonymised_at = ?3 where subject_id = ?1")
                .setParameter(1, subjectId).setParameter(2, pseudonym).setParameter(3, at).executeUpdate();
        em.clear();
        return requests;
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
            query = status == null ? find("status not in ?1 and dueAt < ?2 and type <> ?3 order by dueAt, id", CLOSED, now,
                    OFF_THE_CLOCK)
                    : find("status = ?1 and status not in ?2 and dueAt < ?3 and type <> ?4 order by dueAt, id", status, CLOSED,
                            now, OFF_THE_CLOCK);
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
        return count("status not in ?1 and dueAt < ?2 and type <> ?3", CLOSED, now, OFF_THE_CLOCK);
    }

    public List<RequestHistory> history(UUID requestId) {
        return getEntityManager().createQuery("from RequestHistory where requestId = ?1 order by id", RequestHistory.class)
                .setParameter(1, requestId).getResultList();
    }

    /** The request's latest step whose action matches the pattern (SQL like), or null. */
    public RequestHistory lastHistory(UUID requestId, String actionPattern) {
        return getEntityManager()
                .createQuery("from RequestHistory where requestId = ?1 and action like ?2 order by id desc", RequestHistory.class)
                .setParameter(1, requestId).setParameter(2, actionPattern).setMaxResults(1).getResultStream().findFirst()
                .orElse(null);
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

    /** Whether {@code system} is the business system holding the data that this outcome of the request awaits. */
    public boolean isHolderOf(UUID requestId, String recipientId, String system) {
        return getEntityManager().createQuery("select count(o) from RecipientOutcome o where o.requestId = ?1"
                + " and o.recipientId = ?2 and o.holderSystem = ?3", Long.class).setParameter(1, requestId)
                .setParameter(2, recipientId).setParameter(3, system).getSingleResult() > 0;
    }

    public void persistOutcome(RecipientOutcome outcome) {
        getEntityManager().persist(outcome);
    }
}
