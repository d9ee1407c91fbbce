package org.privacyplatform.audit.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hibernate.Session;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.merkle.NodeStore;
import org.privacyplatform.audit.merkle.PrefetchedNodes;
import org.privacyplatform.commons.paging.PageRequest;

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

    public Optional<AuditLeaf> byEventId(String eventId) {
        return find("eventId", eventId).firstResultOptional();
    }

    /** Runs a computation over the stored Merkle nodes, reading all the nodes it needs in one query. */
    public <T> T withNodes(Function<NodeStore, T> computation) {
        return PrefetchedNodes.compute(computation, this::nodes);
    }

    /** The event ids among {@code eventIds} that the log already holds. */
    public Set<String> known(Collection<String> eventIds) {
        return session().doReturningWork(connection -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("select event_id from audit_leaf where event_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        known.add(rows.getString(1));
                    }
                }
            }
            return known;
        });
    }

    /** The stored hashes at these addresses, in one query; an address with no node is absent. */
    public Map<PrefetchedNodes.Address, byte[]> nodes(Collection<PrefetchedNodes.Address> addresses) {
        return session().doReturningWork(connection -> {
            Map<PrefetchedNodes.Address, byte[]> nodes = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select n.level, n.node_index, n.hash from merkle_node n
                    join unnest(?::smallint[], ?::bigint[]) as a(level, node_index)
                      on n.level = a.level and n.node_index = a.node_index""")) {
                select.setArray(1, connection.createArrayOf("smallint",
                        addresses.stream().map(a -> (short) a.level()).toArray()));
                select.setArray(2, connection.createArrayOf("bigint", addresses.stream().map(a -> a.index()).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        nodes.put(new PrefetchedNodes.Address(rows.getShort(1), rows.getLong(2)), rows.getBytes(3));
                    }
                }
            }
            return nodes;
        });
    }

    /** Inserts leaves and the nodes they complete, each table in one JDBC batch. */
    public void insert(List<AuditLeaf> leaves, List<NodeStore.Node> nodes) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_leaf (leaf_index, event_id, topic, event_type, subject_id, source, event_time,
                                            canonical, leaf_hash, appended_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (AuditLeaf leaf : leaves) {
                    insert.setLong(1, leaf.leafIndex);
                    insert.setString(2, leaf.eventId);
                    insert.setString(3, leaf.topic);
                    insert.setString(4, leaf.eventType);
                    insert.setString(5, leaf.subjectId);
                    insert.setString(6, leaf.source);
                    insert.setObject(7, leaf.eventTime);
                    insert.setString(8, leaf.canonical);
                    insert.setBytes(9, leaf.leafHash);
                    insert.setObject(10, leaf.appendedAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into merkle_node (level, node_index, hash) values (?, ?, ?)")) {
                for (NodeStore.Node node : nodes) {
                    insert.setShort(1, (short) node.level());
                    insert.setLong(2, node.index());
                    insert.setBytes(3, node.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    /** A page of the events found, in log order, with one more if another page follows. */
    public List<AuditLeaf> query(EventQuery query, PageRequest page) {
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
        return find(where + " order by leafIndex", params).range(page.offset(), page.lastFetched()).list();
    }

    /** A page of the subject's leaves in a tree of {@code treeSize} leaves, with one more if another page follows. */
    public List<AuditLeaf> subjectLeaves(String subjectId, long treeSize, PageRequest page) {
        return find("subjectId = ?1 and leafIndex < ?2 order by leafIndex", subjectId, treeSize)
                .range(page.offset(), page.lastFetched()).list();
    }

    /** The stored checkpoint of this tree size, if one was signed. */
    public Optional<Checkpoint> checkpointOfSize(long treeSize) {
        return getEntityManager().createQuery("from Checkpoint where treeSize = ?1 order by id", Checkpoint.class)
                .setParameter(1, treeSize).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Makes the current transaction a read-only REPEATABLE READ snapshot: every later read in it sees the log as of
     * its first query, while appends go on and commit. Must come before any other statement of the transaction.
     */
    public void readSnapshot() {
        session().doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
            }
        });
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
     * Streams every leaf of the tree of {@code treeSize} leaves in order as (leaf index, canonical text, stored leaf hash, stored level-0 node hash),
     * without holding the log in memory.
     */
    public void forEachLeaf(long treeSize, Consumer<Object[]> action) {
        try (var rows = session().createNativeQuery("""
                select l.leaf_index, l.canonical, l.leaf_hash, n.hash
                from audit_leaf l left join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                where l.leaf_index < ?1
                order by l.leaf_index""", Object[].class).setParameter(1, treeSize).setFetchSize(5000).getResultStream()) {
            rows.forEach(action);
        }
    }
}
