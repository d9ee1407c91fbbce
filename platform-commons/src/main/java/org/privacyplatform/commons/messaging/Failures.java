package org.privacyplatform.commons.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells an infrastructure failure (the database or the broker away, a lock or serialization conflict), which a
 * consumer retries for as long as it lasts, from a failure of the record itself (data the database refuses, a
 * rule that says no), which no retry can fix and which goes to the dead-letter topic so the consumer goes on.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return isInfrastructure(sql);
            }
            if (t instanceof ConnectException || t instanceof RetriableException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a record was set aside, for the dead-letter header: the SQLState and the first line of the database's
     * message (PostgreSQL puts the offending values on later lines), or the exception's own message.
     */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "the database refused it (SQLState " + sql.getSQLState() + "): " + firstLine(sql.getMessage());
            }
        }
        String message = failure.getMessage() != null ? firstLine(failure.getMessage()) : failure.getClass().getName();
        return message;
    }

    private static boolean isInfrastructure(SQLException sql) {
        if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
            return true;
        }
        String state = sql.getSQLState();
        if (state == null || state.length() < 2) {
            return true; // the connection pool's own failures (acquisition timeout, closed connection) carry none
        }
        return switch (state.substring(0, 2)) {
            // connection, insufficient resources, operator intervention (shutdown), system error,
            // transaction rollback (serialization, deadlock), object not in prerequisite state (lock not available),
            // invalid transaction state, internal error
            case "08", "53", "57", "58", "40", "55", "25", "XX" -> true;
            // a login without a grant is a deployment fault that an operator mends: keep the record
            case "42" -> "42501".equals(state);
            default -> false; // 22 data exception, 23 integrity constraint violation, ...: the record itself
        };
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
