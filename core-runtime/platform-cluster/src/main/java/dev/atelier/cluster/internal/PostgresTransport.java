package dev.atelier.cluster.internal;

import dev.atelier.cluster.ConnectionFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL {@code LISTEN/NOTIFY}: the default without Redis, no service beside the database. Listening holds one
 * connection of its own for the node's lifetime (outside the pool, which would hand it to others); when it breaks,
 * a new one is opened, and the inbox is told so that missed changes are caught up. Sending uses a pooled connection.
 */
public final class PostgresTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTransport.class);
    private static final int POLL_MILLIS = 500;
    /** A connection silently cut (no reset seen) is noticed by a query this often. */
    private static final long PROBE_NANOS = 10_000_000_000L;
    private static final long RETRY_MILLIS = 1000;
    /** The listening connection's name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "atelier-cluster-listen";

    private final ConnectionFactory connections;
    private final DataSource sending;
    private final String channel;
    private volatile boolean closed;
    private volatile Connection current;
    private volatile boolean listening;
    private Thread listener;

    /**
     * @param listening opens the connection that listens (not a pooled one)
     * @param sending pooled connections for {@code pg_notify}
     * @param channel the channel name, a plain SQL identifier
     */
    public PostgresTransport(ConnectionFactory listening, DataSource sending, String channel) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("channel must be a plain identifier: " + channel);
        }
        this.connections = listening;
        this.sending = sending;
        this.channel = channel;
    }

    @Override
    public synchronized void start(Inbox inbox) {
        listener = new Thread(() -> listenUntilClosed(inbox), "atelier-cluster-listen");
        listener.setDaemon(true);
        listener.start();
    }

    private void listenUntilClosed(Inbox inbox) {
        boolean warned = false;
        while (!closed) {
            try (Connection connection = connections.open()) {
                current = connection;
                // Named, so an operator sees in pg_stat_activity what holds this connection.
                connection.setClientInfo("ApplicationName", APPLICATION_NAME);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                LOG.info("Cluster events: listening on PostgreSQL channel {}", channel);
                warned = false;
                listening = true;
                inbox.connected();
                receive(connection.unwrap(PGConnection.class), connection, inbox);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!warned) {
                    LOG.warn("Cluster events: PostgreSQL listening connection lost ({}); reconnecting", e.toString());
                    warned = true;
                }
                pause();
            } finally {
                listening = false;
                current = null;
            }
        }
    }

    private void receive(PGConnection pg, Connection connection, Inbox inbox) throws SQLException {
        long probed = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    inbox.received(notification.getParameter());
                }
            }
            if (System.nanoTime() - probed > PROBE_NANOS) {
                try (Statement probe = connection.createStatement()) {
                    probe.execute("SELECT 1");
                }
                probed = System.nanoTime();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** All in one statement, so one round trip; the function scan calls pg_notify in the array's order. */
    @Override
    public void send(List<String> messages) {
        try (Connection connection = sending.getConnection();
                PreparedStatement notify = connection.prepareStatement(
                        "SELECT pg_notify(?, message) FROM unnest(?::text[]) AS message")) {
            notify.setString(1, channel);
            notify.setArray(2, connection.createArrayOf("text", messages.toArray()));
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("pg_notify failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean listening() {
        return listening;
    }

    @Override
    public String describe() {
        return "PostgreSQL LISTEN/NOTIFY";
    }

    @Override
    public synchronized void close() {
        closed = true;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection: {}", e.toString());
            }
        }
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
