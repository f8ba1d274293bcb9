package dev.atelier.core.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flyway migrations in {@code classpath:db/migration}: applies them, and later tells whether all still are.
 *
 * <p>Flyway's check of a database already up to date (scanning, reading and checksumming every migration, then the
 * same again for its report) was a large part of a restart. So after Flyway has run, the history table's comment
 * records a fingerprint of the migrations it ran with; a start that finds the same fingerprint there, for the same
 * migrations on its class path, and every one of them applied in the history, knows Flyway would find nothing to do
 * and skips it. Any other start (new or changed migrations, another build, a restored database, a history table
 * Flyway made anew) runs Flyway as before.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String LOCATION = "db/migration";
    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String FINGERPRINT_PREFIX = "atelier migrations sha256:";

    private final Set<String> expectedVersions;

    private SchemaMigrations(Set<String> expectedVersions) {
        this.expectedVersions = expectedVersions;
    }

    /** Applies pending migrations; returns what was found. Throws Flyway's exception when a migration fails. */
    public static SchemaMigrations apply(DataSource dataSource) {
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        Optional<PackagedMigrations> packaged = PackagedMigrations.find(loader, LOCATION);
        if (packaged.isPresent() && upToDate(dataSource, packaged.get())) {
            return new SchemaMigrations(packaged.get().versions());
        }
        SchemaMigrations applied = applyWithFlyway(dataSource, loader);
        packaged.ifPresent(migrations -> record(dataSource, migrations.fingerprint()));
        return applied;
    }

    private static SchemaMigrations applyWithFlyway(DataSource dataSource, ClassLoader loader) {
        Flyway flyway = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .load();
        flyway.migrate();
        Set<String> versions = new LinkedHashSet<>();
        Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .forEach(version -> versions.add(version.getVersion()));
        return new SchemaMigrations(Set.copyOf(versions));
    }

    /** Whether Flyway last ran here with these very migrations, and the history still holds all of them. */
    private static boolean upToDate(DataSource dataSource, PackagedMigrations packaged) {
        try (Connection connection = dataSource.getConnection()) {
            return recordedFingerprint(connection).equals(Optional.of(packaged.fingerprint()))
                    && new SchemaMigrations(packaged.versions()).missing(connection).isEmpty();
        } catch (SQLException e) {
            return false;
        }
    }

    private static Optional<String> recordedFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet comment = statement.executeQuery(
                        "SELECT obj_description(to_regclass('" + HISTORY_TABLE + "'), 'pg_class')")) {
            String text = comment.next() ? comment.getString(1) : null;
            return text != null && text.startsWith(FINGERPRINT_PREFIX)
                    ? Optional.of(text.substring(FINGERPRINT_PREFIX.length())) : Optional.empty();
        }
    }

    private static void record(DataSource dataSource, String fingerprint) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("COMMENT ON TABLE " + HISTORY_TABLE + " IS '" + FINGERPRINT_PREFIX + fingerprint + "'");
        } catch (SQLException e) {
            // A user that does not own the table (migrations run by another role): every start asks Flyway.
            LOG.debug("Cannot note the migrations' fingerprint on {}: {}", HISTORY_TABLE, e.getMessage());
        }
    }

    /** The newest migration version this build knows, for example {@code "1"}. */
    public String latestVersion() {
        return expectedVersions.stream().max((a, b) -> compareVersions(a, b)).orElse("none");
    }

    /** Migration versions this build expects but the database has not successfully applied. */
    public List<String> missing(Connection connection) throws SQLException {
        Set<String> applied = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version FROM " + HISTORY_TABLE + " WHERE success AND version IS NOT NULL")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        return expectedVersions.stream().filter(version -> !applied.contains(version))
                .sorted(SchemaMigrations::compareVersions).toList();
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }
}
