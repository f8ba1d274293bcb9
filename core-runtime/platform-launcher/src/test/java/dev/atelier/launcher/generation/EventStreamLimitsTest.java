package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Progress event streams each hold a server thread, so one account and one client address may hold only so many open:
 * the next is refused with 429 until one of theirs ends. No worker runs here, so jobs stay queued and their streams
 * stay open for as long as the test keeps them. Each test comes from its own client address (through a trusted
 * proxy's {@code X-Forwarded-For}), so slots a previous test is still giving back do not count against it.
 */
class EventStreamLimitsTest {

    private static final String SLUG = "streams";
    private static final int PER_USER = 2;
    private static final int PER_IP = 3;
    // Long enough for the other tests to finish with their streams open, short enough to wait for once.
    private static final String LIFETIME = "15s";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", "")
            .set("atelier.generation.workers", "0")
            .set("atelier.http.trust-forwarded-headers", "true")
            .set("atelier.http.event-streams.per-user", Integer.toString(PER_USER))
            .set("atelier.http.event-streams.per-ip", Integer.toString(PER_IP))
            .set("atelier.http.event-streams.max-lifetime", LIFETIME)
            .build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private final List<InputStream> open = new ArrayList<>();
    private final String address = "203.0.113." + ADDRESSES.incrementAndGet();

    @AfterEach
    void closeStreams() throws Exception {
        for (InputStream stream : open) {
            stream.close();
        }
        open.clear();
    }

    @Test
    void anAccountBeyondItsOpenStreamsIsRefusedUntilItClosesOne() throws Exception {
        User user = platform.user(SLUG, 5);
        String job = queuedJob(user);
        for (int i = 0; i < PER_USER; i++) {
            assertThat(follow(user, job).statusCode()).isEqualTo(200);
        }

        HttpResponse<InputStream> refused = follow(user, job);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        JsonNode problem = User.JSON.readTree(refused.body().readAllBytes());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isNotBlank();

        // The client goes away: the server notices at its next write and gives the slot back.
        open.remove(0).close();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> follow(user, job).statusCode() == 200);
    }

    @Test
    void oneAddressBeyondItsOpenStreamsIsRefusedWhateverTheAccount() throws Exception {
        User first = platform.user(SLUG, 5);
        User second = platform.user(SLUG, 5);
        String firstJob = queuedJob(first);
        String secondJob = queuedJob(second);
        for (int i = 0; i < PER_USER; i++) {
            assertThat(follow(first, firstJob).statusCode()).isEqualTo(200);
        }
        assertThat(follow(second, secondJob).statusCode()).isEqualTo(200);

        assertThat(follow(second, secondJob).statusCode()).isEqualTo(429);
    }

    @Test
    void aStreamThatEndsGivesItsSlotBack() throws Exception {
        User user = platform.user(SLUG, 5);
        String job = queuedJob(user);
        for (int i = 0; i < PER_USER; i++) {
            assertThat(follow(user, job).statusCode()).isEqualTo(200);
        }
        assertThat(user.post("/api/v1/generations/" + job + "/cancel").statusCode()).isEqualTo(200);

        // Canceling ends the job, so both streams send "done" and close.
        for (InputStream stream : open) {
            assertThat(new String(stream.readAllBytes())).contains("event: done");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> follow(user, job).statusCode() == 200);
    }

    @Test
    void aStreamEndsAtTheEndOfItsLifetimeThoughTheJobStillWaits() throws Exception {
        User user = platform.user(SLUG, 5);
        String job = queuedJob(user);
        assertThat(follow(user, job).statusCode()).isEqualTo(200);

        String events = new String(open.get(0).readAllBytes());

        assertThat(events).contains("event: progress").doesNotContain("event: done");
        assertThat(user.json("/api/v1/generations/" + job).get("status").asText()).isEqualTo("QUEUED");
        for (int i = 0; i < PER_USER; i++) {
            assertThat(follow(user, job).statusCode()).as("its slot was given back").isEqualTo(200);
        }
    }

    @Test
    void askingOnlyForTheHeadersTakesNoSlot() throws Exception {
        User user = platform.user(SLUG, 5);
        String job = queuedJob(user);
        for (int i = 0; i <= PER_USER; i++) {
            HttpResponse<String> head = User.send(user.browser("/api/v1/generations/" + job + "/events")
                    .header("X-Forwarded-For", address).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
        }

        for (int i = 0; i < PER_USER; i++) {
            assertThat(follow(user, job).statusCode()).isEqualTo(200);
        }
    }

    private static String queuedJob(User user) throws Exception {
        return Jobs.accepted(user.submit("{\"model\":\"procedural\",\"prompt\":\"a kite over dunes\"}"));
    }

    /** Opens the job's event stream as the site's page does; an accepted stream is kept open until the test ends. */
    private HttpResponse<InputStream> follow(User user, String job) throws Exception {
        HttpResponse<InputStream> response = User.HTTP_CLIENT().send(user.browser("/api/v1/generations/" + job
                + "/events").header("Accept", "text/event-stream").header("X-Forwarded-For", address).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            open.add(response.body());
        }
        return response;
    }
}
