package dev.atelier.core.deployments;

import dev.atelier.core.db.JdbcTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The cluster's bundle repository: the jars every node runs, kept in PostgreSQL as numbered revisions.
 *
 * <p>Why revisions rather than one row per bundle: a node that was away catches up by reading what changed after the
 * last revision it applied, and a rollback is the previous revision's jar written again as the newest. Revisions are
 * written one at a time under a transaction lock, so a higher number was always committed later.
 */
public final class BundleRepository {

    /**
     * The latest revision of one bundle.
     *
     * @param version its Bundle-Version; null when {@code removed}
     * @param sha256 its content's SHA-256 in lower-case hex; null when {@code removed}
     */
    public record Revision(long revision, String symbolicName, String version, String sha256, String changedBy) {

        public boolean removed() {
            return sha256 == null;
        }
    }

    /**
     * One retained jar of a bundle: a distinct content the bundle ran, newest first, that a rollback can go back to.
     *
     * @param revision the newest revision that holds this content
     * @param current whether it is what the cluster runs now
     */
    public record RetainedVersion(long revision, String version, String sha256, Instant changedAt,
            String changedBy, boolean current) {}

    /** Jars kept per bundle when none is configured: the current one and four before it. */
    public static final int DEFAULT_RETAINED = 5;

    private static final String LATEST = """
            SELECT DISTINCT ON (symbolic_name) revision, symbolic_name, version, sha256, changed_by
              FROM bundle_revision ORDER BY symbolic_name, revision DESC""";

    private final JdbcTransactions transactions;
    private final Clock clock;

    private final int retained;

    public BundleRepository(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_RETAINED);
    }

    /** @param retained how many distinct jars to keep per bundle (at least 1); older ones are deleted on each change */
    public BundleRepository(DataSource dataSource, Clock clock, int retained) {
        this.transactions = new JdbcTransactions(dataSource);
        this.clock = clock;
        this.retained = Math.max(1, retained);
    }

    /**
     * The distinct jars kept for {@code symbolicName}, newest first (the first is current unless the bundle was
     * removed); empty when the repository never knew the bundle.
     */
    public List<RetainedVersion> versions(String symbolicName) {
        return transactions.run("reading a bundle's versions", connection -> {
            Optional<Revision> current = latest(connection, symbolicName);
            List<RetainedVersion> versions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(RETAINED)) {
                select.setString(1, symbolicName);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String sha = rows.getString(3);
                        versions.add(new RetainedVersion(rows.getLong(1), rows.getString(2), sha,
                                rows.getTimestamp(4).toInstant(), rows.getString(5),
                                current.map(c -> sha.equals(c.sha256())).orElse(false)));
                    }
                }
            }
            return versions;
        });
    }

    /**
     * Writes the newest retained jar of {@code version} as the bundle's newest revision, so every node goes to it.
     *
     * @return the new latest revision (the current one unchanged if it already is that jar); empty when no jar of
     *     that version is retained
     */
    public Optional<Revision> rollBackTo(String symbolicName, String version, String node) {
        return transactions.run("rolling a bundle back in the repository", connection -> {
            lock(connection);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT sha256, content FROM bundle_revision
                     WHERE symbolic_name = ? AND version = ? AND content IS NOT NULL
                     ORDER BY revision DESC LIMIT 1""")) {
                select.setString(1, symbolicName);
                select.setString(2, version);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Optional<Revision> current = latest(connection, symbolicName);
                    if (current.isPresent() && row.getString(1).equals(current.get().sha256())) {
                        return current;
                    }
                    return Optional.of(insert(connection, symbolicName, version, row.getString(1), row.getBytes(2),
                            node));
                }
            }
        });
    }

    /** The highest revision written, 0 when none: a cheap check for "did anything change since". */
    public long latestRevision() {
        return transactions.run("reading the bundle repository", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COALESCE(MAX(revision), 0) FROM bundle_revision");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The latest revision of every bundle the repository has known, removed ones included, by symbolic name. */
    public List<Revision> latest() {
        return transactions.run("reading the bundle repository", connection -> {
            try (PreparedStatement select = connection.prepareStatement(LATEST)) {
                return revisions(select);
            }
        });
    }

    /** The jar of {@code revision}; empty for a removal or a revision that does not exist. */
    public Optional<byte[]> content(long revision) {
        return transactions.run("reading a bundle from the repository", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT content FROM bundle_revision WHERE revision = ? AND content IS NOT NULL")) {
                select.setLong(1, revision);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Makes {@code jar} the bundle's newest revision, unless it already is (same content, not removed).
     *
     * @param node who changed it, for the history (a node name or an operator)
     * @return the bundle's latest revision afterwards
     */
    public Revision put(String symbolicName, String version, String sha256, byte[] jar, String node) {
        return transactions.run("storing a bundle in the repository", connection -> {
            lock(connection);
            Optional<Revision> current = latest(connection, symbolicName);
            if (current.isPresent() && sha256.equals(current.get().sha256())) {
                return current.get();
            }
            return insert(connection, symbolicName, version, sha256, jar, node);
        });
    }

    /**
     * Records that the bundle is removed from the cluster, if it is present.
     *
     * @return whether it was present
     */
    public boolean remove(String symbolicName, String node) {
        return transactions.run("removing a bundle from the repository", connection -> {
            lock(connection);
            Optional<Revision> current = latest(connection, symbolicName);
            if (current.isEmpty() || current.get().removed()) {
                return false;
            }
            insert(connection, symbolicName, null, null, null, node);
            return true;
        });
    }

    /**
     * Writes the jar the bundle ran before its current one (the newest earlier revision with other content) as its
     * newest revision, so every node goes back to it.
     *
     * @return the new latest revision; empty when the bundle has no earlier, different jar
     */
    public Optional<Revision> rollBack(String symbolicName, String node) {
        return transactions.run("rolling a bundle back in the repository", connection -> {
            lock(connection);
            Optional<Revision> current = latest(connection, symbolicName);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT version, sha256, content FROM bundle_revision
                     WHERE symbolic_name = ? AND revision < ? AND content IS NOT NULL AND sha256 IS DISTINCT FROM ?
                     ORDER BY revision DESC LIMIT 1""")) {
                select.setString(1, symbolicName);
                select.setLong(2, current.get().revision());
                select.setString(3, current.get().sha256());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(insert(connection, symbolicName, row.getString(1), row.getString(2),
                            row.getBytes(3), node));
                }
            }
        });
    }

    /** The newest revision of each distinct content of one bundle, newest first. */
    private static final String RETAINED = """
            SELECT revision, version, sha256, changed_at, changed_by FROM (
                SELECT DISTINCT ON (sha256) revision, version, sha256, changed_at, changed_by FROM bundle_revision
                 WHERE symbolic_name = ? AND content IS NOT NULL ORDER BY sha256, revision DESC) kept
             ORDER BY revision DESC""";

    /**
     * Deletes the jars of the bundle beyond the newest {@code retained} distinct contents. Only older revisions go,
     * never the latest: nodes read the latest revision of each bundle, so history before it is not needed to agree.
     */
    private void prune(Connection connection, String symbolicName) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM bundle_revision
                 WHERE symbolic_name = ? AND content IS NOT NULL
                   AND revision < (SELECT MAX(revision) FROM bundle_revision WHERE symbolic_name = ?)
                   AND sha256 NOT IN (SELECT sha256 FROM (
                       SELECT sha256, MAX(revision) AS newest FROM bundle_revision
                        WHERE symbolic_name = ? AND content IS NOT NULL GROUP BY sha256
                        ORDER BY newest DESC LIMIT ?) kept)""")) {
            delete.setString(1, symbolicName);
            delete.setString(2, symbolicName);
            delete.setString(3, symbolicName);
            delete.setInt(4, retained);
            delete.executeUpdate();
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended('bundle_revision', 0))")) {
            lock.executeQuery().close();
        }
    }

    private static Optional<Revision> latest(Connection connection, String symbolicName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT revision, symbolic_name, version, sha256, changed_by FROM bundle_revision
                 WHERE symbolic_name = ? ORDER BY revision DESC LIMIT 1""")) {
            select.setString(1, symbolicName);
            return revisions(select).stream().findFirst();
        }
    }

    private Revision insert(Connection connection, String symbolicName, String version, String sha256, byte[] jar,
            String node) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO bundle_revision (symbolic_name, version, sha256, content, changed_at, changed_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING revision""")) {
            insert.setString(1, symbolicName);
            insert.setString(2, version);
            insert.setString(3, sha256);
            insert.setBytes(4, jar);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, node);
            Revision written;
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                written = new Revision(row.getLong(1), symbolicName, version, sha256, node);
            }
            prune(connection, symbolicName);
            return written;
        }
    }

    private static List<Revision> revisions(PreparedStatement select) throws SQLException {
        List<Revision> revisions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                revisions.add(new Revision(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
            }
        }
        return revisions;
    }
}
