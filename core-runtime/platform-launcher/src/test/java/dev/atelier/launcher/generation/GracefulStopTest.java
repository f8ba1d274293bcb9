package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node stopping (SIGTERM) while it runs a job: the job finishes if it can within the drain time; otherwise it goes
 * back to the queue at once without spending an attempt, so restarts during a long generation never fail it.
 */
class GracefulStopTest {

    private static final String SLUG = "north";
    private static final List<String> MODELS = List.of("procedural", "test-slow", "test-hangs");

    @RegisterExtension
    final TestPlatform platform = TestPlatform.builder()
            .defaultBundles()
            .testModels("test-stop-models", "test-slow", "test-hangs")
            .studio(SLUG, "{id: test-slow, credits: 2}, {id: test-hangs, credits: 2}", "")
            .build();

    @Test
    void aJobInterruptedByTwoStopsSucceedsOnTheThirdStartAndIsChargedOnce() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-slow\",\"prompt\":\"a long video\"}"));

        for (int stop = 1; stop <= 2; stop++) {
            Jobs.awaitStatus(user, id, "RUNNING");
            platform.restart(Map.of("atelier.generation.drain-time", "0s"), MODELS);
        }
        JsonNode job = Jobs.awaitFinal(user, id);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        // Two attempts are allowed by default; the interrupted runs spent none of them.
        assertThat(platform.atelier().generation().jobs().findById(id).orElseThrow().attempts()).isEqualTo(1);
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        assertThat(platform.balance(user)).isEqualTo(8);
    }

    @Test
    void aDrainingNodeIsUnreadyAndHandsBackTheJobsThatDidNotFinishInTime() throws Exception {
        platform.restart(Map.of("atelier.generation.drain-time", "10s"), MODELS);
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-hangs\",\"prompt\":\"never ends\"}"));
        Jobs.awaitStatus(user, id, "RUNNING");

        int port = platform.port();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(platform::stop);
        // While it drains, the node still answers, but no longer as ready for new requests.
        await().atMost(Duration.ofSeconds(30)).until(() -> readyz(port).startsWith("503")
                && readyz(port).contains("stopping"));
        stopped.get(60, TimeUnit.SECONDS);

        platform.restart(Map.of("atelier.generation.workers", "0"), MODELS);
        var job = platform.atelier().generation().jobs().findById(id).orElseThrow();
        assertThat(job.status().name()).isEqualTo("QUEUED");
        assertThat(job.attempts()).isZero();
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD);
    }

    private static String readyz(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    void aJobThatEndsWithinTheDrainTimeFinishesBeforeTheNodeStops() throws Exception {
        platform.restart(Map.of("atelier.generation.drain-time", "1m"), MODELS);
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-slow\",\"prompt\":\"almost done\"}"));
        Jobs.awaitStatus(user, id, "RUNNING");

        // Started again without workers: only the stopping node can have finished the job.
        platform.restart(Map.of("atelier.generation.workers", "0"), MODELS);

        JsonNode job = user.json("/api/v1/generations/" + id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        assertThat(platform.balance(user)).isEqualTo(8);
    }
}
