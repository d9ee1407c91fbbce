package org.privacyplatform.audit.repository;

import java.util.NoSuchElementException;

import org.privacyplatform.audit.merkle.NodeStore;

import jakarta.persistence.EntityManager;

/** The Merkle tree's perfect-subtree hashes, read from {@code merkle_node}. */
public class DbNodeStore implements NodeStore {

    private final EntityManager entityManager;

    public DbNodeStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public byte[] node(int level, long index) {
        var rows = entityManager.createNativeQuery("select hash from merkle_node where level = ?1 and node_index = ?2")
                .setParameter(1, (short) level).setParameter(2, index).getResultList();
        if (rows.isEmpty()) {
            throw new NoSuchElementException("no Merkle node at level " + level + ", index " + index);
        }
        return (byte[]) rows.get(0);
    }
}
