package dev.atelier.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is out of reach" (answered 503, retried) and which are bugs (500). */
class DatabaseOutageTest {

    @Test
    void aRefusedOrLostConnectionAnywhereInTheCauseChainIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        RuntimeException wrapped = new IllegalStateException("loading a session failed",
                new DatabaseAccessException("The database failed while reading", refused));

        assertThat(DatabaseOutage.isCause(wrapped)).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("pool timed out"))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("x", new SQLException("syntax", "42601"))))
                .isFalse();
    }
}
