package dev.atelier.core.db;

import java.sql.SQLException;

/**
 * A statement against the platform database failed (connection lost, constraint violated where the caller did not
 * expect it). Unchecked, because callers of the services that throw it can do nothing but report it; the transaction
 * it happened in has been rolled back.
 */
public final class DatabaseAccessException extends RuntimeException {

    public DatabaseAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
