package org.privacyplatform.commons.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-scoped advisory locks, taken with plain JDBC on the current transaction's connection: the
 * lock ends with the transaction (commit or rollback), and no Hibernate query (its plan, its flush of the session)
 * stands between a hot path and the one statement. Keys are hashed with {@code hashtext}: two keys may share a
 * lock, which only ever serialises more, never less.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the lock on {@code key} and holds it until the transaction ends. */
    public static void lock(EntityManager entityManager, String key) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, key);
                lock.execute();
            }
        });
    }

    /** Takes the lock on {@code key} if it is free, held until the transaction ends; false when another holds it. */
    public static boolean tryLock(EntityManager entityManager, String key) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, key);
                try (ResultSet result = lock.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
    }
}
