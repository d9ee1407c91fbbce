package org.privacyplatform.retention.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.retention.Holding;
import org.privacyplatform.retention.HoldingStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class HoldingRepository implements PanacheRepositoryBase<Holding, UUID> {

    /** A holding as the sweep expired it. */
    public record Expired(UUID id, String subjectId, String category, String system, String reference, String ruleId,
            int ruleVersion, LocalDate anchorDate, LocalDate dueOn) {
    }

    /** A page of the subject's holdings, soonest due first, with one more if another page follows. */
    public List<Holding> forSubject(String subjectId, PageRequest page) {
        return find("subjectId = ?1 order by dueOn nulls last, category, reference, id", subjectId)
                .range(page.offset(), page.lastFetched()).list();
    }

    /** A page of what is still held under any of these keys (the subject id, its pseudonym), soonest due first. */
    public List<Holding> heldFor(List<String> subjectKeys, PageRequest page) {
        return find("subjectId in ?1 and status = ?2 order by dueOn nulls last, category, reference, id", subjectKeys,
                HoldingStatus.HELD).range(page.offset(), page.lastFetched()).list();
    }

    public Optional<Holding> lockExisting(String subjectId, String category, String system, String reference) {
        return find("subjectId = ?1 and category = ?2 and system = ?3 and reference = ?4", subjectId, category, system,
                reference).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The systems that registered a holding of the subject still held, in order. */
    public List<String> systemsHolding(String subjectId) {
        return getEntityManager().createQuery("select distinct h.system from Holding h where h.subjectId = ?1 "
                + "and h.status = ?2 order by h.system", String.class).setParameter(1, subjectId)
                .setParameter(2, HoldingStatus.HELD).getResultList();
    }

    public List<Holding> lockHeldForSubject(String subjectId) {
        return find("subjectId = ?1 and status = ?2", subjectId, HoldingStatus.HELD)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<Holding> lockHeldInCategories(String subjectId, List<String> categories) {
        return find("subjectId = ?1 and status = ?2 and category in ?3", subjectId, HoldingStatus.HELD, categories)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The next {@code limit} held items, by id after {@code after} (null: from the first), that a legal hold on
     * {@code subjectId} and/or {@code category} keeps, among {@code categories}.
     */
    public List<Holding> heldUnder(String subjectId, String category, List<String> categories, UUID after, int limit) {
        StringBuilder query = new StringBuilder("status = :held and category in :categories");
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters.with("held", HoldingStatus.HELD)
                .and("categories", categories);
        if (subjectId != null) {
            query.append(" and subjectId = :subject");
            parameters.and("subject", subjectId);
        }
        if (category != null) {
            query.append(" and category = :category");
            parameters.and("category", category);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return find(query.append(" order by id").toString(), parameters).range(0, limit - 1).list();
    }

    public List<Holding> heldInCategory(String category, int offset, int limit) {
        return find("category = ?1 and status = ?2 order by id", category, HoldingStatus.HELD).range(offset, offset + limit - 1)
                .list();
    }

    /**
     * Marks up to {@code limit} due holdings EXPIRED and returns them. Rows another sweep has locked are
     * skipped and holdings under an active legal hold or of a subject whose processing is restricted (Art. 18) are
     * left alone, so each holding expires exactly once
     * however many instances sweep at the same time.
     */
    @SuppressWarnings("unchecked")
    public List<Expired> expireDue(LocalDate today, OffsetDateTime now, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                with due as (
                    select h.id from holding h
                    where h.status = 'HELD' and h.due_on <= ?1
                      and not exists (select 1 from legal_hold l where l.lifted_at is null
                                      and (l.subject_id is null or l.subject_id = h.subject_id)
                                      and (l.category is null or l.category = h.category))
                      and not exists (select 1 from processing_restriction r where r.subject_id = h.subject_id)
                    order by h.due_on
                    limit ?2
                    for update of h skip locked)
                update holding h set status = 'EXPIRED', expired_at = ?3, updated_at = ?3
                from due where h.id = due.id
                returning h.id, h.subject_id, h.category, h.system, h.reference, h.rule_id, h.rule_version,
                          h.anchor_date, h.due_on""")
                .setParameter(1, today).setParameter(2, limit).setParameter(3, now).getResultList();
        return rows.stream().map(r -> new Expired((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], ((Number) r[6]).intValue(), toLocalDate(r[7]), toLocalDate(r[8]))).toList();
    }

    /** Art. 18: records (or renews) the subject's restriction; their holdings do not expire while it stands. */
    public void restrict(String subjectId, String requestId, OffsetDateTime restrictedAt) {
        getEntityManager().createNativeQuery("""
                insert into processing_restriction (subject_id, request_id, restricted_at) values (?1, ?2, ?3)
                on conflict (subject_id) do update set request_id = excluded.request_id,
                    restricted_at = excluded.restricted_at""")
                .setParameter(1, subjectId).setParameter(2, requestId).setParameter(3, restrictedAt).executeUpdate();
    }

    /** The restriction ends (lifted, or the subject's erasure completed); returns whether one stood. */
    public boolean liftRestriction(String subjectId) {
        return getEntityManager().createNativeQuery("delete from processing_restriction where subject_id = ?1")
                .setParameter(1, subjectId).executeUpdate() > 0;
    }

    /** Whether the subject's processing is restricted now. */
    public boolean restricted(String subjectId) {
        return !getEntityManager().createNativeQuery("select 1 from processing_restriction where subject_id = ?1")
                .setParameter(1, subjectId).getResultList().isEmpty();
    }

    /**
     * Keys every holding of {@code subjectId} by {@code pseudonym}, with every occurrence of the id in the reference
     * replaced by the pseudonym too. A
     * holding already registered under the pseudonym with the same category, system and reference wins over its
     * copy under the id (the copy goes).
     */
    public void rekey(String subjectId, String pseudonym, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                delete from holding h where h.subject_id = ?1 and exists (select 1 from holding p
                    where p.subject_id = ?2 and p.category = h.category and p.system = h.system
                      and p.reference = replace(h.reference, ?1, ?2))""")
                .setParameter(1, subjectId).setParameter(2, pseudonym).executeUpdate();
        getEntityManager().createNativeQuery("""
                update holding set subject_id = ?2, reference = replace(reference, ?1, ?2), updated_at = ?3
                where subject_id = ?1""")
                .setParameter(1, subjectId).setParameter(2, pseudonym).setParameter(3, now)
                .executeUpdate();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
