package org.privacyplatform.audit.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.hibernate.Session;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.merkle.NodeStore;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The log's tables: leaves, Merkle nodes, checkpoints. Everything here only reads or inserts. */
@ApplicationScoped
public class LogRepository implements PanacheRepositoryBase<AuditLeaf, Long> {

    /** A filter of GET /audit/events. */
    public record EventQuery(String subjectId, String type, OffsetDateTime from, OffsetDateTime to) {
    }

    /** Serialises appends (and checkpoints, which must see a whole tree) for the rest of the transaction. */
    public void lockLog() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('audit-log'))").getSingleResult();
    }

    public long size() {
        return ((Number) getEntityManager().createNativeQuery("select coalesce(max(leaf_index) + 1, 0) from audit_leaf")
                .getSingleResult()).longValue();
    }

    public boolean contains(String eventId) {
        return count("eventId", eventId) > 0;
    }

    public Optional<AuditLeaf> byEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }

    public NodeStore nodes() {
        return new DbNodeStore(getEntityManager());
    }

    public void insertNodes(List<NodeStore.Node> nodes) {
        for (NodeStore.Node node : nodes) {
            getEntityManager().createNativeQuery("insert into merkle_node (level, node_index, hash) values (?1, ?2, ?3)")
                    .setParameter(1, (short) node.level()).setParameter(2, node.index()).setParameter(3, node.hash())
                    .executeUpdate();
        }
    }

    public List<AuditLeaf> query(EventQuery query, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (query.subjectId() != null) {
            where.append(" and subjectId = :subject");
            params.put("subject", query.subjectId());
        }
        if (query.type() != null) {
            where.append(" and eventType = :type");
            params.put("type", query.type());
        }
        if (query.from() != null) {
            where.append(" and eventTime >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and eventTime < :to");
            params.put("to", query.to());
        }
        return find(where + " order by leafIndex", params).page(page, size).list();
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return getEntityManager().createQuery("from Checkpoint order by treeSize desc, id desc", Checkpoint.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<Checkpoint> checkpoints() {
        return getEntityManager().createQuery("from Checkpoint order by treeSize, id", Checkpoint.class).getResultList();
    }

    public void persistCheckpoint(Checkpoint checkpoint) {
        getEntityManager().persist(checkpoint);
    }

    /**
     * Streams every leaf in order as (leaf index, canonical text, stored leaf hash, stored level-0 node hash),
     * without holding the log in memory.
     */
    public void forEachLeaf(Consumer<Object[]> action) {
        Session session = getEntityManager().unwrap(Session.class);
        try (var rows = session.createNativeQuery("""
                select l.leaf_index, l.canonical, l.leaf_hash, n.hash
                from audit_leaf l left join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                order by l.leaf_index""", Object[].class).setFetchSize(5000).getResultStream()) {
            rows.forEach(action);
        }
    }
}
