package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many progress streams on one node: they wait without holding server threads, a job's end reaches every one of its
 * streams, and a client that leaves is forgotten. No worker runs here, so a job stays queued until the test cancels it.
 */
class ProgressStreamsTest {

    private static final String SLUG = "manystreams";
    private static final int STREAMS = 200;
    private static final int OPENING_BATCH = 20;
    // Generous: a busy CI machine must not fail the test; nothing here measures time.
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", "")
            .set("atelier.generation.workers", "0")
            .set("atelier.http.event-streams.per-user", Integer.toString(STREAMS))
            .set("atelier.http.event-streams.per-ip", Integer.toString(STREAMS * 4))
            // Short, so a client that left is found soon after.
            .set("atelier.http.event-streams.keep-alive", "200ms")
            .build();

    @Test
    void everyStreamOfAJobGetsItsEndWhileNoneHoldsAServerThread() throws Exception {
        User user = platform.user(SLUG, 5);
        String job = queuedJob(user);
        List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
        for (int batch = 0; batch < STREAMS / OPENING_BATCH; batch++) {
            // A few at a time, as browsers arrive: all at once would wait on the database pool, not on the streams.
            List<CompletableFuture<Integer>> answered = new ArrayList<>();
            for (int i = 0; i < OPENING_BATCH; i++) {
                CompletableFuture<Integer> status = new CompletableFuture<>();
                answered.add(status);
                streams.add(User.HTTP_CLIENT().sendAsync(follow(user, job), info -> {
                    status.complete(info.statusCode());
                    return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
                }));
            }
            for (CompletableFuture<Integer> status : answered) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        await().atMost(PATIENCE).until(() -> following(job) == STREAMS);

        // Waiting streams hold no thread: only the server's own loops stay busy (one thread per stream would need
        // all STREAMS of them).
        await().atMost(PATIENCE).until(() -> platform.atelier().web().busyThreads() < STREAMS / 4);
        assertThat(user.post("/api/v1/generations/" + job + "/cancel").statusCode()).isEqualTo(200);

        for (CompletableFuture<HttpResponse<String>> stream : streams) {
            HttpResponse<String> response = stream.get();
            assertThat(response.body()).contains("event: progress").contains("event: done")
                    .contains("\"status\":\"CANCELED\"");
        }
        await().atMost(PATIENCE).until(() -> following(job) == 0);
    }

    @Test
    void aClientThatLeavesIsForgottenAndGivesItsSlotBack() throws Exception {
        User user = platform.user(SLUG, 5);
        String job = queuedJob(user);
        HttpResponse<InputStream> stream = User.HTTP_CLIENT().send(follow(user, job),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> following(job) == 1);

        stream.body().close();

        // Found at one of the next keep-alive lines: the stream is dropped and its slot given back.
        await().atMost(PATIENCE).until(() -> following(job) == 0);
        List<InputStream> all = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                HttpResponse<InputStream> again = User.HTTP_CLIENT().send(follow(user, job),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(again.statusCode()).as("stream %d of the account's %d", i + 1, STREAMS).isEqualTo(200);
                all.add(again.body());
            }
        } finally {
            for (InputStream open : all) {
                open.close();
            }
        }
    }

    private static int following(String job) {
        return platform.atelier().progressStreams().following(job);
    }

    private static String queuedJob(User user) throws Exception {
        return Jobs.accepted(user.submit("{\"model\":\"procedural\",\"prompt\":\"a kite over dunes\"}"));
    }

    private static java.net.http.HttpRequest follow(User user, String job) {
        return user.browser("/api/v1/generations/" + job + "/events").header("Accept", "text/event-stream").GET()
                .build();
    }
}
