package dev.atelier.core.deployments;

import dev.atelier.core.db.JdbcTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The cluster's bundle canaries in PostgreSQL (table {@code bundle_canary}): at most one running per bundle, with its
 * jar, whom it serves, and, once ended, how it ended. Every node reads the running ones and installs their jars, so
 * the whole cluster routes the same tenant and the same share of jobs to the canary.
 */
public final class BundleCanaryStore {

    /**
     * One canary, running or ended.
     *
     * @param tenantId the tenant all of whose calls it serves, or {@code null}
     * @param percent the share of other jobs it serves, 0 to 100
     * @param endedAt when it was promoted or rolled back; {@code null} while it runs
     * @param outcome how it ended ("promoted", "rolled back: ..."); {@code null} while it runs
     */
    public record Canary(long id, String symbolicName, String version, String sha256, String tenantId, int percent,
            Instant startedAt, String startedBy, Instant endedAt, String outcome) {

        public boolean running() {
            return endedAt == null;
        }
    }

    private static final String COLUMNS =
            "id, symbolic_name, version, sha256, tenant_id, percent, started_at, started_by, ended_at, outcome";

    private final JdbcTransactions transactions;
    private final Clock clock;

    public BundleCanaryStore(DataSource dataSource, Clock clock) {
        this.transactions = new JdbcTransactions(dataSource);
        this.clock = clock;
    }

    /** Every running canary, by symbolic name. */
    public List<Canary> running() {
        return transactions.run("reading the bundle canaries", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bundle_canary WHERE ended_at IS NULL ORDER BY symbolic_name")) {
                return canaries(select);
            }
        });
    }

    /** The bundle's running canary, or else its last ended one; empty when it never had one. */
    public Optional<Canary> latest(String symbolicName) {
        return transactions.run("reading a bundle canary", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bundle_canary WHERE symbolic_name = ? ORDER BY id DESC LIMIT 1")) {
                select.setString(1, symbolicName);
                return canaries(select).stream().findFirst();
            }
        });
    }

    /** The jar of a running canary; empty once it ended. */
    public Optional<byte[]> content(long id) {
        return transactions.run("reading a canary jar", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT content FROM bundle_canary WHERE id = ? AND content IS NOT NULL")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Starts a canary of the bundle.
     *
     * @return the canary; empty when the bundle already has one running
     */
    public Optional<Canary> start(String symbolicName, String version, String sha256, byte[] jar, String tenantId,
            int percent, String startedBy) {
        return transactions.run("starting a bundle canary", connection -> {
            Instant now = clock.instant();
            // ON CONFLICT against the partial unique index: a second start while one runs changes nothing.
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO bundle_canary (symbolic_name, version, sha256, content, tenant_id, percent, started_at,
                                               started_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (symbolic_name) WHERE ended_at IS NULL DO NOTHING RETURNING id""")) {
                insert.setString(1, symbolicName);
                insert.setString(2, version);
                insert.setString(3, sha256);
                insert.setBytes(4, jar);
                if (tenantId == null) {
                    insert.setNull(5, Types.VARCHAR);
                } else {
                    insert.setString(5, tenantId);
                }
                insert.setInt(6, percent);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setString(8, startedBy);
                try (ResultSet row = insert.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Canary(row.getLong(1), symbolicName, version, sha256, tenantId, percent,
                            now, startedBy, null, null));
                }
            }
        });
    }

    /**
     * Ends a running canary with {@code outcome}, dropping its jar.
     *
     * @return false when it had already ended (another node or operator ended it first)
     */
    public boolean end(long id, String outcome) {
        return transactions.run("ending a bundle canary", connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE bundle_canary SET ended_at = ?, outcome = ?, content = NULL
                     WHERE id = ? AND ended_at IS NULL""")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setString(2, outcome);
                update.setLong(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static List<Canary> canaries(PreparedStatement select) throws SQLException {
        List<Canary> canaries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Timestamp ended = rows.getTimestamp(9);
                canaries.add(new Canary(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getInt(6), rows.getTimestamp(7).toInstant(), rows.getString(8),
                        ended == null ? null : ended.toInstant(), rows.getString(10)));
            }
        }
        return canaries;
    }
}
