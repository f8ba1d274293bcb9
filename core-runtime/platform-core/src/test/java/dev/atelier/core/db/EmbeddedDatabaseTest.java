package dev.atelier.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.deployments.DeploymentRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataFolder;

    private Path dataDir;

    @BeforeEach
    void clusterInTheDataFolder() {
        // As the launcher lays it out: the password file and the binaries go beside the cluster, in the data folder.
        dataDir = dataFolder.resolve("postgres");
    }

    @Test
    void keepsDataAcrossARestartOnTheSameDirectory() throws SQLException {
        DeploymentRecord installed = new DeploymentRecord(null, Instant.parse("2026-11-25T10:15:30.123456Z"),
                DeploymentRecord.INSTALLED, "model-procedural.jar", "dev.atelier.model.procedural", "0.1.0", null);

        long coldStart = System.nanoTime();
        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            report("first start (initdb)", coldStart);
            assertThat(database.description()).startsWith("embedded PostgreSQL 17 in " + dataDir.toAbsolutePath());
            assertThat(database.check(Duration.ofSeconds(3)).healthy()).isTrue();
            new DeploymentHistory(database.entityManagerFactory()).record(installed);
            try (Connection own = database.openUnpooled()) {
                assertThat(own.isValid(3)).as("a connection outside the pool, as cluster events listen on").isTrue();
            }
        }

        long warmStart = System.nanoTime();
        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            report("warm restart", warmStart);
            assertThat(new DeploymentHistory(database.entityManagerFactory()).recent(10))
                    .singleElement()
                    .satisfies(kept -> {
                        assertThat(kept.fileName()).isEqualTo("model-procedural.jar");
                        assertThat(kept.occurredAt()).isEqualTo(installed.occurredAt());
                    });
        }
    }

    @Test
    void startsAgainWhenAKilledServerLeftItsPidFileBehind() throws IOException {
        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            new DeploymentHistory(database.entityManagerFactory()).record(
                    new DeploymentRecord(null, null, DeploymentRecord.REMOVED, "old.jar", null, null, null));
        }
        // The pid of a live process that is not PostgreSQL: the server itself would refuse to start on this file.
        Files.writeString(dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");

        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            assertThat(new DeploymentHistory(database.entityManagerFactory()).recent(10)).hasSize(1);
        }
    }

    @Test
    void startsAgainAndKeepsDataAfterThePlatformProcessWasKilled() throws Exception {
        Process platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProcess.class.getName(),
                dataDir.toString()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(platform.getInputStream()))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child platform process started its database").isEqualTo("READY");
        } finally {
            platform.destroyForcibly().waitFor();
        }
        // SIGKILL runs no shutdown hook: the child's PostgreSQL is still running, orphaned, with its postmaster.pid.
        assertThat(dataDir.resolve("postmaster.pid")).exists();

        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            assertThat(new DeploymentHistory(database.entityManagerFactory()).recent(10))
                    .extracting(DeploymentRecord::fileName).containsExactly("before-the-kill.jar");
        }
    }

    @Test
    void refusesASecondServerOnADirectoryAlreadyInUse() {
        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            assertThatThrownBy(() -> Database.start(DatabaseSettings.embedded(dataDir, 2)))
                    .isInstanceOf(DatabaseStartException.class)
                    .hasMessageContaining("is in use by")
                    .hasMessageContaining("atelier.data-dir");
            assertThat(database.check(Duration.ofSeconds(3)).healthy()).isTrue();
        }
    }

    @Test
    void aDatabaseCreatedWithoutPasswordsGetsOneAtItsNextStartAndKeepsItsData() throws Exception {
        // How earlier versions made the cluster: initdb with trust, so any local user got in as superuser.
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
                Connection connection = legacy.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('made before passwords')");
        }

        try (Database database = Database.start(DatabaseSettings.embedded(dataDir, 2))) {
            String url = "jdbc:postgresql://127.0.0.1:" + database.description().replaceAll(".* on port ", "")
                    + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            String password = Files.readString(dataFolder.resolve("postgres.password")).strip();
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                    Statement statement = connection.createStatement();
                    ResultSet kept = statement.executeQuery("SELECT note FROM kept")) {
                kept.next();
                assertThat(kept.getString(1)).isEqualTo("made before passwords");
            }
        }
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^host.*trust\\s*$");
    }

    @Test
    void refusesADirectoryThatHoldsSomethingElse() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("notes.txt"), "not a database");

        assertThatThrownBy(() -> Database.start(DatabaseSettings.embedded(dataDir, 2)))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("holds no PostgreSQL cluster");
    }

    private static void report(String what, long startNanos) {
        System.out.println("Embedded PostgreSQL " + what + ": "
                + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms");
    }
}
