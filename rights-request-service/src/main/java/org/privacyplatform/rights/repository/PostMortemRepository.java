package org.privacyplatform.rights.repository;

import java.util.List;
import java.util.Optional;

import org.privacyplatform.rights.PostMortemInstructions;
import org.privacyplatform.rights.RecordedDeath;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Post-mortem instructions, version by version, and recorded deaths. */
@ApplicationScoped
public class PostMortemRepository implements PanacheRepositoryBase<PostMortemInstructions, Long> {

    /** Every version of the subject's instructions, oldest first (a handful: one subject). */
    public List<PostMortemInstructions> versions(String subjectId) {
        return list("subjectId = ?1 order by version", subjectId);
    }

    public Optional<PostMortemInstructions> latest(String subjectId) {
        return find("subjectId = ?1 order by version desc", subjectId).firstResultOptional();
    }

    public Optional<RecordedDeath> death(String subjectId) {
        return Optional.ofNullable(getEntityManager().find(RecordedDeath.class, subjectId));
    }

    /** The subject's death record, locked: registrations and the death of one subject are serialised on it. */
    public Optional<RecordedDeath> lockDeath(String subjectId) {
        return Optional.ofNullable(getEntityManager().find(RecordedDeath.class, subjectId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Serialises the changes to one subject's instructions and their death (the next version number is read). */
    public void lockSubject(String subjectId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended('post-mortem:' || ?1, 0))")
                .setParameter(1, subjectId).getSingleResult();
    }

    public void persistDeath(RecordedDeath death) {
        getEntityManager().persist(death);
    }
}
