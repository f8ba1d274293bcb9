package dev.atelier.core.db;

/** The database could not be started or reached. The message says what failed and what to change. */
public final class DatabaseStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseStartException(String message) {
        super(message);
    }
}
