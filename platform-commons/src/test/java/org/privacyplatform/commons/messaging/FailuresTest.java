package org.privacyplatform.commons.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which failures a consumer retries while they last, and which send the record to the dead-letter topic. */
class FailuresTest {

    @Test
    void theDatabaseAwayOrBusyIsRetried() {
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("Acquisition timeout while waiting")))).isTrue();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("permission denied for table x", "42501")))).isTrue();
        assertThat(Failures.isInfrastructure(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void whatTheDatabaseRefusesInTheRecordIsNot() {
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("value too long for type character varying(200)", "22001")))).isFalse();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("date/time field value out of range", "22008")))).isFalse();
        assertThat(Failures.isInfrastructure(wrapped(new SQLException("null value in column", "23502")))).isFalse();
        assertThat(Failures.isInfrastructure(new IllegalArgumentException("no such request"))).isFalse();
    }

    @Test
    void theReasonKeepsTheFirstLineOfTheDatabasesMessageOnly() {
        SQLException refused = new SQLException("ERROR: duplicate key value violates unique constraint \"x\"\n"
                + "  Detail: Key (event_id)=(alice@example.org) already exists.", "23505");

        assertThat(Failures.reason(wrapped(refused)))
                .isEqualTo("the database refused it (SQLState 23505): ERROR: duplicate key value violates unique constraint \"x\"")
                .doesNotContain("alice");
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("transaction rolled back", new IllegalStateException("flush failed", e));
    }
}
