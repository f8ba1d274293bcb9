package dev.atelier.core.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** The Flyway migrations in {@code classpath:db/migration}: applies them, and later tells whether all still are. */
public final class SchemaMigrations {

    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final Set<String> expectedVersions;

    private SchemaMigrations(Set<String> expectedVersions) {
        this.expectedVersions = expectedVersions;
    }

    /** Applies pending migrations; returns what was found. Throws Flyway's exception when a migration fails. */
    public static SchemaMigrations apply(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .load();
        flyway.migrate();
        Set<String> versions = new LinkedHashSet<>();
        Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .forEach(version -> versions.add(version.getVersion()));
        return new SchemaMigrations(Set.copyOf(versions));
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
