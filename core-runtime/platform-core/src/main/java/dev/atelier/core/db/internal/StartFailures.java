package dev.atelier.core.db.internal;

import dev.atelier.config.Keys;
import dev.atelier.core.db.DatabaseStartException;
import java.sql.SQLException;

/** Turns a failure to reach an external server into a message that names the setting to fix. */
public final class StartFailures {

    private StartFailures() {}

    public static DatabaseStartException cannotConnect(String safeUrl, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String reason = rootMessage(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String fix;
        if (state.startsWith("28")) {
            fix = "Check " + Keys.DB_USER.name() + " and " + Keys.DB_PASSWORD.name() + ".";
        } else if (state.equals("3D000")) {
            fix = "Create the database, or fix the name in " + Keys.DB_URL.name() + ".";
        } else {
            fix = "Check " + Keys.DB_URL.name() + " and that the server is running and reachable.";
        }
        return new DatabaseStartException("Cannot connect to PostgreSQL at " + safeUrl + ": " + reason + ". " + fix,
                failure);
    }

    /** The URL with any {@code password=} parameter removed, fit for logs and messages. */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof java.net.UnknownHostException) {
            message = "unknown host " + message;
        }
        return message.strip().replaceAll("\\.$", "");
    }
}
