package dev.atelier.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private TestDatabase testDatabase;

    @BeforeEach
    void createDatabase() {
        testDatabase = TestPostgres.create();
    }

    @AfterEach
    void dropDatabase() {
        testDatabase.close();
    }

    @Test
    void migrationsApplyToAnEmptyDatabaseAndAgainChangeNothing() throws SQLException {
        try (Database database = Database.start(settings())) {
            assertThat(tableExists("bundle_deployment")).isTrue();
        }
        long applied = count("SELECT count(*) FROM flyway_schema_history");

        try (Database database = Database.start(settings())) {
            assertThat(database.check(TIMEOUT).healthy()).isTrue();
        }
        assertThat(count("SELECT count(*) FROM flyway_schema_history")).isEqualTo(applied).isPositive();
    }

    @Test
    void aStartWithTheMigrationsFlywayLastRanHereSkipsFlywayAndAnyOtherStartRunsIt() throws SQLException {
        Database.start(settings()).close();
        String recorded = historyComment();
        assertThat(recorded).matches("atelier migrations sha256:[0-9a-f]{64}");
        // Flyway's validation would refuse this history (checksum mismatch); a start that skips Flyway never sees it.
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        try (Database database = Database.start(settings())) {
            assertThat(database.check(TIMEOUT).healthy()).isTrue();
        }

        execute("COMMENT ON TABLE flyway_schema_history IS 'atelier migrations sha256:" + "0".repeat(64) + "'");
        assertThatThrownBy(() -> Database.start(settings()))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("checksum mismatch");
        execute("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
        Database.start(settings()).close();
        assertThat(historyComment()).as("Flyway ran and the fingerprint was noted again").isEqualTo(recorded);
    }

    @Test
    void aConnectionOutsideThePoolReachesTheSameDatabase() throws SQLException {
        try (Database database = Database.start(settings());
                Connection unpooled = database.openUnpooled();
                Statement statement = unpooled.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'bundle_deployment'")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void reportsHealthyWhenTheDatabaseAnswersAndIsMigrated() {
        try (Database database = Database.start(settings())) {
            HealthStatus status = database.check(TIMEOUT);

            assertThat(status.healthy()).isTrue();
            assertThat(status.detail()).contains("schema at version " + LatestMigration.VERSION);
        }
    }

    @Test
    void reportsUnhealthyWithAReasonAfterTheDatabaseGoesAway() {
        try (Database database = Database.start(settings())) {
            testDatabase.close();

            HealthStatus status = database.check(TIMEOUT);

            assertThat(status.healthy()).isFalse();
            assertThat(status.detail()).containsAnyOf("does not answer", "did not answer");
        }
    }

    @Test
    void reportsUnhealthyWhenAMigrationIsNotApplied() throws SQLException {
        try (Database database = Database.start(settings())) {
            execute("DELETE FROM flyway_schema_history WHERE version = '1'");

            HealthStatus status = database.check(TIMEOUT);

            assertThat(status.healthy()).isFalse();
            assertThat(status.detail()).contains("migrations 1 are not applied");
        }
    }

    @Test
    void refusesToStartWhenTheServerIsUnreachableAndNamesTheSettingToFix() {
        String url = "jdbc:postgresql://127.0.0.1:1/atelier";

        assertThatThrownBy(() -> Database.start(DatabaseSettings.external(url, "atelier", "", 2)))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessage("Cannot connect to PostgreSQL at " + url + ": Connection refused. "
                        + "Check atelier.db.url and that the server is running and reachable.");
    }

    @Test
    void refusesToStartWhenTheDatabaseDoesNotExist() {
        String url = testDatabase.url() + "_missing";

        assertThatThrownBy(() -> Database.start(DatabaseSettings.external(url, testDatabase.user(), "", 2)))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("Create the database, or fix the name in atelier.db.url");
    }

    @Test
    void refusesAUrlThatIsNotForPostgres() {
        assertThatThrownBy(() -> Database.start(DatabaseSettings.external("jdbc:mysql://db/atelier", "u", "", 2)))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("atelier.db.url must be a PostgreSQL JDBC URL");
    }

    @Test
    void refusesToStartWhenAMigrationFailsAndSaysWhich() throws SQLException {
        Database.start(settings()).close();
        // Flyway now believes the latest migration never ran, so it runs it again and it fails on the existing column.
        execute("DELETE FROM flyway_schema_history WHERE version = '" + LatestMigration.VERSION + "'");

        assertThatThrownBy(() -> Database.start(settings()))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("Migrating the database schema")
                .hasMessageContaining(LatestMigration.FILE_NAME)
                .hasMessageContaining("Fix the database or the migration");
    }

    @Test
    void refusesToMigrateADatabaseThatHoldsOtherTables() throws SQLException {
        execute("CREATE TABLE something_else (id int)");

        assertThatThrownBy(() -> Database.start(settings()))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("Migrating the database schema")
                .hasMessageContaining("no schema history table");
    }

    @Test
    void describesAnExternalServerByItsUrlWithoutThePassword() {
        String url = testDatabase.url() + "?password=" + "hunter2" + "&ApplicationName=atelier";
        try (Database database = Database.start(DatabaseSettings.external(url, testDatabase.user(), "", 2))) {
            assertThat(database.description()).startsWith(testDatabase.url()).doesNotContain("hunter2")
                    .contains("ApplicationName=atelier");
        }
    }

    private DatabaseSettings settings() {
        return DatabaseSettings.external(testDatabase.url(), testDatabase.user(), testDatabase.password(), 4);
    }

    private String historyComment() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT obj_description('flyway_schema_history'::regclass, 'pg_class')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") == 1;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(testDatabase.url(), testDatabase.user(), testDatabase.password());
    }
}
