package dev.atelier.core.db.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool, handed out before it exists: callers wait in {@link #getConnection} until the start {@link #bind binds}
 * it, or fail once the start {@link #fail failed}. It lets the persistence unit read its mappings (most of its
 * deployment) while the server starts, and only its log-in wait for the connections.
 */
public final class PendingDataSource implements DataSource {

    private final CompletableFuture<DataSource> target = new CompletableFuture<>();

    /** Hands every waiting and later caller to {@code pool}. */
    public void bind(DataSource pool) {
        target.complete(pool);
    }

    /** Fails every waiting and later caller with {@code cause}: the start did not get as far as a pool. */
    public void fail(Throwable cause) {
        target.completeExceptionally(cause);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("No java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }

    private DataSource target() throws SQLException {
        try {
            return target.get();
        } catch (ExecutionException e) {
            throw new SQLException("The database did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the database to start", e);
        }
    }
}
