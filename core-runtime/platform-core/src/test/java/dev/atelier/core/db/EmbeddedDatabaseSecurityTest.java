package dev.atelier.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What another user of the machine can do to the embedded database: nothing without the owner-only password. */
class EmbeddedDatabaseSecurityTest {

    @TempDir
    static Path dataFolder;

    private static Database database;

    @BeforeAll
    static void startEmbeddedDatabase() {
        database = Database.start(DatabaseSettings.embedded(dataFolder.resolve("postgres"), 2));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void refusesAConnectionWithoutPassword() {
        assertThatThrownBy(() -> connect(null).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    @Test
    void refusesAConnectionWithAWrongPassword() {
        assertThatThrownBy(() -> connect("not-the-password").close()).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void acceptsTheStoredPasswordOnLoopbackOnly() throws Exception {
        try (Connection connection = connect(Files.readString(passwordFile()).strip());
                Statement statement = connection.createStatement();
                ResultSet listening = statement.executeQuery("SHOW listen_addresses")) {
            listening.next();
            assertThat(listening.getString(1)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void keepsTheRandomPasswordsVerifierAtFewRoundsWithAFreshSalt() throws Exception {
        // initdb wrote it with 4,096 rounds; the first start rewrote it (QuickLogIn). A wrong password is still
        // refused (above).
        try (Connection connection = connect(Files.readString(passwordFile()).strip());
                Statement statement = connection.createStatement();
                ResultSet verifier = statement.executeQuery(
                        "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
            verifier.next();
            assertThat(verifier.getString(1)).matches("SCRAM-SHA-256\\$16:[A-Za-z0-9+/=]{24}\\$.+:.+");
        }
    }

    @Test
    void keepsThePasswordInAnOwnerOnlyFileInTheDataFolder() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void runsServerBinariesUnpackedUnderTheOwnerOnlyDataFolder() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataFolder.resolve("postgres/postmaster.pid")).get(0).strip());
        String command = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();

        assertThat(Path.of(command)).startsWith(dataFolder.resolve("postgres-binaries"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataFolder.resolve("postgres-binaries")))).isEqualTo("rwx------");
    }

    private static Path passwordFile() {
        return dataFolder.resolve("postgres.password");
    }

    private static Connection connect(String password) throws SQLException {
        int port = Integer.parseInt(database.description().replaceAll(".* on port (\\d+)$", "$1"));
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/atelier", properties);
    }
}
