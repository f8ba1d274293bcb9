package dev.atelier.core.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (server down, restarting, network gone, no connection
 * within the pool's timeout) from every other failure. Callers answer the first kind with "temporarily unavailable,
 * try again shortly" and the second as a bug.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /** Whether {@code failure}, or anything in its cause chain, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        // 08: connection exceptions; 57P01..57P03: the server is shutting down, crashed, or not yet accepting.
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
