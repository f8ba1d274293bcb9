package dev.atelier.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded PostgreSQL killed under a running platform ({@code kill -9} of its postmaster) is started again by the
 * platform on the same data; meanwhile requests are answered, never hung or failed with a 500; afterwards the data is
 * all there and generations run and are charged.
 */
class EmbeddedDatabaseRestartTest {

    private static final String SLUG = "north";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder()
            .embeddedDatabase()
            .defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", "")
            .build();

    @Test
    void aKilledEmbeddedDatabaseIsStartedAgainAndThePlatformRecoversByItself() throws Exception {
        User user = platform.user(SLUG, 10);
        long killed = postmasterPid();
        String port = postmasterPort();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        List<Integer> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> credits = User.send(user.script("/api/v1/credits").GET());
            answers.add(credits.statusCode());
            return credits.statusCode() == 200;
        });

        assertThat(answers).as("every answer while the database came back").allMatch(s -> s == 200 || s == 503);
        assertThat(postmasterPid()).isNotEqualTo(killed);
        assertThat(postmasterPort()).as("started again on the same port").isEqualTo(port);
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.get("127.0.0.1", "/readyz").statusCode() == 200);

        HttpResponse<String> submitted = user.submit("{\"model\":\"procedural\",\"prompt\":\"after the crash\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = User.parse(submitted).get("id").asText();
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            job.set(user.json("/api/v1/generations/" + id));
            return job.get().get("status").asText().equals("SUCCEEDED");
        });
        assertThat(platform.balance(user)).isEqualTo(9);
    }

    private static long postmasterPid() throws Exception {
        return Long.parseLong(postmasterFile().get(0).strip());
    }

    private static String postmasterPort() throws Exception {
        return postmasterFile().get(3).strip();
    }

    // PostgreSQL's postmaster.pid: pid, data folder, start time, port, ... one a line.
    private static List<String> postmasterFile() throws Exception {
        return Files.readAllLines(platform.home().resolve("data/postgres/postmaster.pid"));
    }
}
