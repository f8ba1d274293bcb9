package dev.atelier.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.Main;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Commands that change data run while the platform runs on its embedded database, as an operator types them in a
 * second shell: they use the server the running platform serves from the data folder instead of failing because the
 * folder is in use.
 */
class CommandsBesideARunningPlatformTest {

    private static final String SLUG = "besidestudio";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().embeddedDatabase().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", "").build();

    @Test
    void creditsGrantedFromTheCommandLineShowAtOnceOnTheRunningPlatform() throws Exception {
        User user = platform.user(SLUG, 0);
        String email = user.json("/api/v1/account").get("email").asText();

        String[] result = run("credits", "grant", SLUG, email, "25", "--reason", "Thanks for the bug report");

        assertThat(result[0]).as(result[1] + result[2]).isEqualTo("0");
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(25);
        assertThat(user.json("/api/v1/credits").at("/entries/0/reason").asText()).isEqualTo("Thanks for the bug report");
    }

    @Test
    void readingCommandsWorkBesideItToo() {
        String[] result = run("tenants", "list");

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains(SLUG);
    }

    /** Exit code, standard output and error output of {@code atelier <args>} pointed at the running platform. */
    private static String[] run(String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(platform.commandOptions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(command.toArray(String[]::new), Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
