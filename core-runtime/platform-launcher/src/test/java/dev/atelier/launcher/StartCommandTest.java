package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.TestPlatform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees from {@code bin/atelier} before anything starts. */
class StartCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheCommands() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: atelier").contains("start");
        PicocliCommandLine.COMMANDS.keySet().forEach(name -> assertThat(out.toString()).contains(name));
    }

    @Test
    void setsUpOnlyTheCommandNamedAndAllOtherwise() {
        assertThat(PicocliCommandLine.commandsFor(new String[] {"start", "--port", "9090"})).containsExactly(StartCommand.class);
        assertThat(PicocliCommandLine.commandsFor(new String[] {"strat"})).containsExactlyElementsOf(PicocliCommandLine.COMMANDS.values());
        assertThat(PicocliCommandLine.commandsFor(new String[0])).containsExactlyElementsOf(PicocliCommandLine.COMMANDS.values());
        PicocliCommandLine.COMMANDS.forEach((name, type) -> assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name())
                .as("the @Command name of %s", type.getSimpleName()).isEqualTo(name));
    }

    @Test
    void aMistypedCommandIsNamedWithTheCommandsThatExist() {
        int code = run(Map.of(), "strat");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("strat").contains("start");
    }

    @Test
    void helpOfOneCommandStillWorks() {
        int code = run(Map.of(), "help", "tenants");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: atelier tenants");
    }

    @Test
    void startHelpNamesTheConfigurationOptions() {
        int code = run(Map.of(), "start", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--port").contains("--role").contains("--set").contains("--home");
    }

    @Test
    void invalidConfigurationStopsStartUpWithOneMessageNamingTheKey() {
        int code = run(Map.of("ATELIER_HTTP_PORT", "eighty"), "start", "--home", home.toString());

        assertThat(code).isEqualTo(StartCommand.EXIT_INVALID_CONFIG);
        assertThat(err.toString())
                .contains("atelier.http.port = \"eighty\" (environment variable ATELIER_HTTP_PORT)")
                .contains("Nothing was started");
    }

    @Test
    void anUnknownRoleStopsStartUpNamingTheRoles() {
        int code = run(Map.of(), "start", "--home", home.toString(), "--role", "gateway");

        assertThat(code).isEqualTo(StartCommand.EXIT_INVALID_CONFIG);
        assertThat(err.toString()).contains("atelier.node.role = \"gateway\"")
                .contains("must be one of all, web, worker").contains("Nothing was started");
    }

    @Test
    void unreachableDatabaseFailsStartUpWithAClearMessageAndLeavesNothingRunning() {
        int code = run(Map.of(), "start", "--home", home.toString(), "--port", "0",
                "--set", "atelier.db.url=jdbc:postgresql://127.0.0.1:1/atelier");

        assertThat(code).isEqualTo(StartCommand.EXIT_START_FAILED);
        assertThat(err.toString()).contains("Atelier could not start: database:").contains("127.0.0.1:1");
    }

    @Test
    void portInUseFailsStartUpNamingThePortAndTheWayOut() throws Exception {
        java.nio.file.Files.createSymbolicLink(home.resolve("themes"), TestPlatform.repositoryThemes());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            int code = run(Map.of(), "start", "--home", home.toString(), "--port",
                    String.valueOf(taken.getLocalPort()), "--set", "atelier.http.host=127.0.0.1");

            assertThat(code).isEqualTo(StartCommand.EXIT_START_FAILED);
            assertThat(err.toString()).contains("port " + taken.getLocalPort()).contains("already in use")
                    .contains("--port");
        }
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
