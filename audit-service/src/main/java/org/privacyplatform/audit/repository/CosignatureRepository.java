package org.privacyplatform.audit.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.CheckpointCosignature;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Witness cosignatures of checkpoints. Only reads and inserts. */
@ApplicationScoped
public class CosignatureRepository implements PanacheRepositoryBase<CheckpointCosignature, Long> {

    public List<CheckpointCosignature> ofCheckpoint(long checkpointId) {
        return list("checkpointId = ?1 order by witness", checkpointId);
    }

    /** The tree size of the latest checkpoint this witness cosigned: the old size of the next submission to it. */
    public long latestCosignedSize(String witness) {
        Long size = getEntityManager().createQuery("""
                select max(c.treeSize) from Checkpoint c
                where c.id in (select s.checkpointId from CheckpointCosignature s where s.witness = ?1)""", Long.class)
                .setParameter(1, witness).getSingleResult();
        return size == null ? 0 : size;
    }

    /** The latest checkpoint that at least {@code quorum} of these witnesses cosigned. */
    public Optional<Checkpoint> latestCosigned(Collection<String> witnesses, int quorum) {
        return getEntityManager().createQuery("""
                select c from Checkpoint c
                where (select count(distinct s.witness) from CheckpointCosignature s
                       where s.checkpointId = c.id and s.witness in ?1) >= ?2
                order by c.treeSize desc, c.id desc""", Checkpoint.class)
                .setParameter(1, witnesses).setParameter(2, (long) quorum).setMaxResults(1).getResultStream().findFirst();
    }
}
