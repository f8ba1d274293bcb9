package dev.atelier.cluster.internal;

import dev.atelier.cluster.ClusterEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The durable events in PostgreSQL ({@code cluster_change}), numbered by a sequence: what a node reads after a
 * reconnect to apply what it missed. Rows older than the retention are pruned.
 */
public final class ChangeLog {

    private final DataSource dataSource;
    private final EventCodec codec;

    public ChangeLog(DataSource dataSource, EventCodec codec) {
        this.dataSource = dataSource;
        this.codec = codec;
    }

    /** This cluster's id (one per database), which keeps two installations sharing one Redis apart. */
    public String clusterId() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id FROM cluster_identity");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("cluster_identity has no row; the V23 migration did not run");
            }
            return rows.getString(1);
        }
    }

    /** Records {@code event} and returns its number. */
    public long append(String origin, ClusterEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO cluster_change (origin, kind, payload) VALUES (?, ?, ?) RETURNING seq")) {
            insert.setString(1, origin);
            insert.setString(2, event.getClass().getSimpleName());
            insert.setString(3, codec.event(event));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The newest number recorded (or pruned), 0 when none. */
    public long latest() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT greatest(coalesce(max(seq), 0),"
                        + " (SELECT pruned_through FROM cluster_identity)) FROM cluster_change");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The changes after {@code seq}, oldest first, and also those recorded within {@code recent}: a change numbered
     * below one already seen may commit after it, and would otherwise be passed over.
     */
    public List<Envelope> since(long seq, Duration recent) throws SQLException {
        List<Envelope> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT seq, origin, payload FROM cluster_change"
                        + " WHERE seq > ? OR recorded_at > now() - make_interval(secs => ?) ORDER BY seq")) {
            select.setLong(1, seq);
            select.setDouble(2, recent.toMillis() / 1000.0);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long number = rows.getLong(1);
                    String origin = rows.getString(2);
                    codec.readEvent(rows.getString(3)).ifPresent(e -> changes.add(new Envelope(number, origin, e)));
                }
            }
        }
        return changes;
    }

    /** Deletes changes older than {@code retention}, remembering the newest number deleted; returns how many. */
    public int prune(Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("WITH gone AS (DELETE FROM cluster_change"
                        + " WHERE recorded_at < now() - make_interval(secs => ?) RETURNING seq)"
                        + " UPDATE cluster_identity SET pruned_through = greatest(pruned_through,"
                        + " (SELECT coalesce(max(seq), 0) FROM gone)) RETURNING (SELECT count(*) FROM gone)")) {
            delete.setDouble(1, retention.toSeconds());
            try (ResultSet rows = delete.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** The newest change number pruning deleted, 0 when none. */
    public long prunedThrough() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT pruned_through FROM cluster_identity");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
