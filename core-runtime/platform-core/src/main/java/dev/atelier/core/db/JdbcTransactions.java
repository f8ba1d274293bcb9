package dev.atelier.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs plain-JDBC work in one transaction on a pooled connection: commit when the work returns, roll back when it
 * throws. Services that need exact SQL and row locks (the credit ledger, the job queue) use it instead of JPA.
 *
 * <p>A transaction PostgreSQL aborts as a deadlock victim or for a serialization failure is run again from the start,
 * a few times: such a failure means the work lost a race, not that it is wrong, and running it again is safe because
 * nothing of the aborted attempt was kept.
 */
public final class JdbcTransactions {

    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;

    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} in a READ COMMITTED transaction and commits it.
     *
     * @param what names the work for the error message, such as {@code "submitting a generation"}
     * @throws DatabaseAccessException if the database fails; runtime exceptions of {@code work} pass through unchanged
     *     after the rollback
     */
    public <T> T run(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                T result;
                try {
                    result = work.run(connection);
                    connection.commit();
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(connection, e);
                    restoreAutoCommit(connection, e);
                    throw e;
                }
                connection.setAutoCommit(true);
                return result;
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isRaceLost(e)) {
                    continue;
                }
                throw new DatabaseAccessException("The database failed while " + what, e);
            }
        }
    }

    /**
     * Runs {@code work} of one statement that only reads, without a transaction of its own: PostgreSQL runs a single
     * statement on one snapshot anyway, and leaving out the transaction saves the round trip of its {@code COMMIT}.
     * Work of more than one statement needs {@link #run}, or its statements may see different moments.
     *
     * @param what names the work for the error message, such as {@code "reading a generation"}
     * @throws DatabaseAccessException if the database fails
     */
    public <T> T readOne(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseAccessException("The database failed while " + what, e);
        }
    }

    private static boolean isRaceLost(SQLException e) {
        // 40P01 deadlock_detected, 40001 serialization_failure
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    // A connection the failure broke refuses this too ("Connection is closed"); the failure itself is what the caller
    // must see (an outage is answered 503, not 500), so this one only goes along with it.
    private static void restoreAutoCommit(Connection connection, Throwable cause) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
