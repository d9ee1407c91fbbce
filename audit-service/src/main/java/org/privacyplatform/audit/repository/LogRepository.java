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
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hibernate.Session;
import org.privacyplatform.audit.AuditLeaf;
import org.privacyplatform.audit.Checkpoint;
import org.privacyplatform.audit.crypto.MasterKeys;
import org.privacyplatform.audit.merkle.NodeStore;
import org.privacyplatform.audit.merkle.PrefetchedNodes;
import org.privacyplatform.commons.db.AdvisoryLocks;
import org.privacyplatform.commons.paging.PageRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The log's tables: leaves, Merkle nodes, checkpoints. Everything here only reads or inserts. */
@ApplicationScoped
public class LogRepository implements PanacheRepositoryBase<AuditLeaf, Long> {

    /** A filter of GET /audit/events. */
    /** @param subjectPseudonyms the index keys of the subject looked up; null for every subject */
    /** @param afterLeaf when set, only leaves after this index (a seal's boundary, for a calling system) */
    public record EventQuery(Collection<String> subjectPseudonyms, String type, OffsetDateTime from, OffsetDateTime to,
            Long afterLeaf) {
    }

    /** Serialises appends (and checkpoints, which must see a whole tree) for the rest of the transaction. */
    public void lockLog() {
        AdvisoryLocks.lock(getEntityManager(), "audit-log");
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

    /** A leaf's text, encrypted under the data key {@code keyRef} (see {@code LeafCipher}). */
    public record LeafText(long leafIndex, String keyRef, byte[] nonce, byte[] ciphertext) {
    }

    /** A row of the subject index: the leaf is about the subject of this pseudonym. */
    public record IndexRow(String pseudonym, long leafIndex) {
    }

    /** Inserts leaves, their encrypted texts, their index rows and the nodes they complete, each table in one JDBC batch. */
    public void insert(List<AuditLeaf> leaves, List<LeafText> texts, List<IndexRow> index, List<NodeStore.Node> nodes) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_leaf (leaf_index, event_id, topic, event_type, source, event_time, leaf_hash, appended_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (AuditLeaf leaf : leaves) {
                    insert.setLong(1, leaf.leafIndex);
                    insert.setString(2, leaf.eventId);
                    insert.setString(3, leaf.topic);
                    insert.setString(4, leaf.eventType);
                    insert.setString(5, leaf.source);
                    insert.setObject(6, leaf.eventTime);
                    insert.setBytes(7, leaf.leafHash);
                    insert.setObject(8, leaf.appendedAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            insertTexts(connection, texts);
            if (!index.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into subject_leaf (subject_pseudonym, leaf_index) values (?, ?)")) {
                    for (IndexRow row : index) {
                        insert.setString(1, row.pseudonym());
                        insert.setLong(2, row.leafIndex());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
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

    /** Inserts encrypted texts of leaves already in the log (the staged text of older leaves) and their index rows. */
    public void insertTexts(List<LeafText> texts, List<IndexRow> index) {
        session().doWork(connection -> {
            insertTexts(connection, texts);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into subject_leaf (subject_pseudonym, leaf_index) values (?, ?) on conflict do nothing")) {
                for (IndexRow row : index) {
                    insert.setString(1, row.pseudonym());
                    insert.setLong(2, row.leafIndex());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static void insertTexts(java.sql.Connection connection, List<LeafText> texts) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into leaf_text (leaf_index, key_ref, nonce, ciphertext) values (?, ?, ?, ?)")) {
            for (LeafText text : texts) {
                insert.setLong(1, text.leafIndex());
                insert.setString(2, text.keyRef());
                insert.setBytes(3, text.nonce());
                insert.setBytes(4, text.ciphertext());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The wrapped data keys of these key references, in one query; a reference without a key is absent. */
    public Map<String, MasterKeys.Wrapped> dataKeys(Collection<String> keyRefs) {
        if (keyRefs.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<String, MasterKeys.Wrapped> keys = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select key_ref, master_key_id, wrapped_key from data_key where key_ref = any(?)")) {
                select.setArray(1, connection.createArrayOf("varchar", keyRefs.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.put(rows.getString(1), new MasterKeys.Wrapped(rows.getString(2), rows.getBytes(3)));
                    }
                }
            }
            return keys;
        });
    }

    /** Stores new wrapped data keys, in one JDBC batch. */
    public void insertDataKeys(Map<String, MasterKeys.Wrapped> keys, OffsetDateTime now) {
        if (keys.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into data_key (key_ref, master_key_id, wrapped_key, created_at) values (?, ?, ?, ?)")) {
                for (var key : keys.entrySet()) {
                    insert.setString(1, key.getKey());
                    insert.setString(2, key.getValue().masterKeyId());
                    insert.setBytes(3, key.getValue().wrapped());
                    insert.setObject(4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Among these pseudonyms, those whose evidence was ever shredded. */
    public Set<String> shredded(Collection<String> pseudonyms) {
        return strings("select distinct subject_pseudonym from shredded_subject where subject_pseudonym = any(?)", pseudonyms);
    }

    /** The leaf of the latest completed erasure of any of these pseudonyms: their events up to it are sealed. */
    public OptionalLong sealedThrough(Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return OptionalLong.empty();
        }
        Object latest = getEntityManager().createNativeQuery(
                "select max(sealed_by_leaf) from sealed_subject where subject_pseudonym in (:subjects)")
                .setParameter("subjects", pseudonyms).getSingleResult();
        return latest == null ? OptionalLong.empty() : OptionalLong.of(((Number) latest).longValue());
    }

    private Set<String> strings(String sql, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        return session().doReturningWork(connection -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("varchar", values.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            return found;
        });
    }

    /** Seals a subject's audit events up to {@code sealedByLeaf} (each completed erasure once: a redelivery changes nothing). */
    public void seal(String pseudonym, long sealedByLeaf, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                insert into sealed_subject (subject_pseudonym, sealed_by_leaf, sealed_at) values (?1, ?2, ?3)
                on conflict (subject_pseudonym, sealed_by_leaf) do nothing""").setParameter(1, pseudonym).setParameter(2, sealedByLeaf)
                .setParameter(3, now).executeUpdate();
    }

    /** How many leaf texts the data key {@code keyRef} encrypts. */
    public long textsUnder(String keyRef) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from leaf_text where key_ref = ?1")
                .setParameter(1, keyRef).getSingleResult()).longValue();
    }

    /**
     * Crypto-shredding: deletes the subject's index rows of the leaves their key encrypts, those texts, and the key.
     * Leaves, hashes and nodes stay. Returns how many texts it deleted.
     */
    public int shred(String pseudonym) {
        var em = getEntityManager();
        em.createNativeQuery("""
                delete from subject_leaf where subject_pseudonym = ?1
                  and leaf_index in (select leaf_index from leaf_text where key_ref = ?1)""").setParameter(1, pseudonym)
                .executeUpdate();
        int texts = em.createNativeQuery("delete from leaf_text where key_ref = ?1").setParameter(1, pseudonym).executeUpdate();
        em.createNativeQuery("delete from data_key where key_ref = ?1").setParameter(1, pseudonym).executeUpdate();
        return texts;
    }

    public void recordShredding(long evidenceLeaf, String pseudonym, long leaves, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                insert into shredded_subject (evidence_leaf, subject_pseudonym, leaves, shredded_at) values (?1, ?2, ?3, ?4)""")
                .setParameter(1, evidenceLeaf).setParameter(2, pseudonym).setParameter(3, (int) leaves).setParameter(4, now)
                .executeUpdate();
    }

    /** How many leaves' texts the log has shredded, in all. */
    public long shreddedLeaves() {
        return ((Number) getEntityManager().createNativeQuery("select coalesce(sum(leaves), 0) from shredded_subject")
                .getSingleResult()).longValue();
    }

    /** The encrypted texts of these leaves, in one query; a leaf without one (shredded, or still staged) is absent. */
    public Map<Long, LeafText> texts(Collection<Long> leafIndexes) {
        if (leafIndexes.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<Long, LeafText> texts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select leaf_index, key_ref, nonce, ciphertext from leaf_text where leaf_index = any(?)")) {
                select.setArray(1, connection.createArrayOf("bigint", leafIndexes.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        texts.put(rows.getLong(1), new LeafText(rows.getLong(1), rows.getString(2), rows.getBytes(3),
                                rows.getBytes(4)));
                    }
                }
            }
            return texts;
        });
    }

    /** A leaf appended before leaf encryption whose text is still staged (clear), not yet encrypted by the service. */
    public record StagedText(long leafIndex, String subjectId, String canonical) {
    }

    /** Staged texts of these leaves (only until the service has encrypted them at start-up). */
    public Map<Long, String> stagedTexts(Collection<Long> leafIndexes) {
        if (leafIndexes.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<Long, String> texts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select leaf_index, canonical from leaf_text_staged where leaf_index = any(?)")) {
                select.setArray(1, connection.createArrayOf("bigint", leafIndexes.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        texts.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            return texts;
        });
    }

    /** The next staged texts in log order, at most {@code limit}. */
    public List<StagedText> nextStaged(int limit) {
        return session().doReturningWork(connection -> {
            List<StagedText> staged = new java.util.ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select leaf_index, subject_id, canonical from leaf_text_staged order by leaf_index limit ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        staged.add(new StagedText(rows.getLong(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return staged;
        });
    }

    public void deleteStaged(Collection<Long> leafIndexes) {
        session().doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from leaf_text_staged where leaf_index = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", leafIndexes.toArray()));
                delete.executeUpdate();
            }
        });
    }

    /** The stored leaf hashes of these leaves. */
    public Map<Long, byte[]> leafHashes(Collection<Long> leafIndexes) {
        return session().doReturningWork(connection -> {
            Map<Long, byte[]> hashes = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select leaf_index, leaf_hash from audit_leaf where leaf_index = any(?)")) {
                select.setArray(1, connection.createArrayOf("bigint", leafIndexes.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.put(rows.getLong(1), rows.getBytes(2));
                    }
                }
            }
            return hashes;
        });
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    /** A page of the events found, in log order, with one more if another page follows. */
    @SuppressWarnings("unchecked")
    public List<AuditLeaf> query(EventQuery query, PageRequest page) {
        StringBuilder sql = new StringBuilder("select l.* from audit_leaf l where true");
        Map<String, Object> params = new HashMap<>();
        if (query.subjectPseudonyms() != null) {
            sql.append(" and l.leaf_index in (select s.leaf_index from subject_leaf s where s.subject_pseudonym in (:subjects))");
            params.put("subjects", query.subjectPseudonyms());
        }
        if (query.type() != null) {
            sql.append(" and l.event_type = :type");
            params.put("type", query.type());
        }
        if (query.afterLeaf() != null) {
            sql.append(" and l.leaf_index > :afterLeaf");
            params.put("afterLeaf", query.afterLeaf());
        }
        if (query.from() != null) {
            sql.append(" and l.event_time >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            sql.append(" and l.event_time < :to");
            params.put("to", query.to());
        }
        sql.append(" order by l.leaf_index offset :offset limit :limit");
        var select = getEntityManager().createNativeQuery(sql.toString(), AuditLeaf.class);
        params.forEach(select::setParameter);
        return select.setParameter("offset", (long) page.offset())
                .setParameter("limit", (long) (page.lastFetched() - page.offset() + 1)).getResultList();
    }

    /**
     * A page of the subject's leaves in a tree of {@code treeSize} leaves, after leaf {@code afterLeaf} (-1: all), with
     * one more if another page follows.
     */
    @SuppressWarnings("unchecked")
    public List<AuditLeaf> subjectLeaves(Collection<String> pseudonyms, long afterLeaf, long treeSize, PageRequest page) {
        return getEntityManager().createNativeQuery("""
                select l.* from audit_leaf l
                where l.leaf_index in (select s.leaf_index from subject_leaf s where s.subject_pseudonym in (:subjects))
                  and l.leaf_index > :after and l.leaf_index < :size
                order by l.leaf_index offset :offset limit :limit""", AuditLeaf.class)
                .setParameter("subjects", pseudonyms).setParameter("after", afterLeaf).setParameter("size", treeSize)
                .setParameter("offset", (long) page.offset())
                .setParameter("limit", (long) (page.lastFetched() - page.offset() + 1)).getResultList();
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
     * Streams every leaf of the tree of {@code treeSize} leaves in order as (leaf index, stored leaf hash, stored
     * level-0 node hash, text nonce, ciphertext, key reference, master key id, wrapped data key, staged clear text),
     * without holding the log in memory. A leaf with neither ciphertext nor staged text was shredded.
     */
    public void forEachLeaf(long treeSize, Consumer<Object[]> action) {
        try (var rows = session().createNativeQuery("""
                select l.leaf_index, l.leaf_hash, n.hash, t.nonce, t.ciphertext, t.key_ref, k.master_key_id, k.wrapped_key,
                       s.canonical
                from audit_leaf l
                left join merkle_node n on n.level = 0 and n.node_index = l.leaf_index
                left join leaf_text t on t.leaf_index = l.leaf_index
                left join data_key k on k.key_ref = t.key_ref
                left join leaf_text_staged s on s.leaf_index = l.leaf_index
                where l.leaf_index < ?1
                order by l.leaf_index""", Object[].class).setParameter(1, treeSize).setFetchSize(5000).getResultStream()) {
            rows.forEach(action);
        }
    }
}
