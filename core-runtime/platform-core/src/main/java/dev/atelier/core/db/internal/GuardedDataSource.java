package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseOutage;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pool behind a gate: while the database is known to be unreachable, asking for a connection fails at
 * once instead of waiting out the pool's timeout, so a request that needs the database is answered "temporarily
 * unavailable" without delay. A connection attempt that fails for want of a database closes the gate; the
 * {@link DatabaseWatch} opens it again as soon as the database answers.
 */
public final class GuardedDataSource implements DataSource {

    private final DataSource pool;
    private final Availability availability;

    public GuardedDataSource(DataSource pool, Availability availability) {
        this.pool = pool;
        this.availability = availability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        requireUp();
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            noteOutage(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        requireUp();
        try {
            return pool.getConnection(username, password);
        } catch (SQLException e) {
            noteOutage(e);
            throw e;
        }
    }

    private void requireUp() throws SQLException {
        if (!availability.isUp()) {
            // SQLState 08001: the client could not establish a connection.
            throw new SQLTransientConnectionException("The database is unavailable: " + availability.reason(),
                    "08001");
        }
    }

    // A pool merely busy times out without a cause; only a failed connection attempt means the database is gone.
    private void noteOutage(SQLException e) {
        if (e.getCause() != null && DatabaseOutage.isCause(e.getCause())) {
            availability.down(e.getCause().getMessage());
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
