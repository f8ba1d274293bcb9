package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.Atelier;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Vendors' webhook messages reach the running model: the platform offers each attempt a signed URL under the public
 * base URL, accepts POSTs to it on any host, hands each message to the model once (a repeated {@code webhook-id} or,
 * without one, a repeated body is kept once), refuses addresses it did not make, and drops the messages when the job
 * ends. Without a public base URL no callback URL is offered and models poll.
 */
class GenerationCallbacksTest {

    static final String SLUG = "hookstudio";
    static final String PUBLIC_BASE = "https://hooks.example.com";
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .testModels("test-webhook-model", "test-webhook")
            .studio(SLUG, "{id: test-webhook, credits: 3}", "")
            .set("atelier.http.public-base-url", PUBLIC_BASE)
            .build();

    @Test
    void messagesPostedToTheJobsUrlReachTheModelOnceEachAndAreDroppedWhenTheJobEnds() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-webhook\",\"prompt\":\"anything\"}"));
        URI url = callbackUrl(id);
        assertThat(url.toString()).startsWith(PUBLIC_BASE + "/hooks/generations/" + id + "/1/");

        assertThat(post(url, "hooks.example.com", Map.of("webhook-id", "msg_1"), "first").statusCode()).isEqualTo(204);
        assertThat(post(url, "hooks.example.com", Map.of("webhook-id", "msg_1"), "first").statusCode()).isEqualTo(204);
        await().atMost(Jobs.PATIENCE).until(() -> "first".equals(
                user.json("/api/v1/generations/" + id).path("stage").asText()));
        assertThat(storedMessages(id)).isEqualTo(1);
        // Any host reaches the hooks: the public address need not be a tenant's.
        assertThat(post(url, user.host(), Map.of("webhook-id", "msg_2"), "done").statusCode()).isEqualTo(204);

        JsonNode job = Jobs.awaitFinal(user, id);
        assertThat(job.get("status").asText()).as("the model saw exactly two messages").isEqualTo("SUCCEEDED");
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        assertThat(storedMessages(id)).isZero();
        // Late messages for an attempt that is over are accepted and dropped, so the vendor stops retrying.
        assertThat(post(url, "hooks.example.com", Map.of("webhook-id", "msg_3"), "late").statusCode()).isEqualTo(204);
        assertThat(storedMessages(id)).isZero();
        // The sweeper's pass over messages left behind by dead workers runs cleanly beside it.
        platform.atelier().generation().sweeper().sweep();
    }

    @Test
    void aMessageReceivedByAnotherNodeReachesTheModelRunningHere() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-webhook\",\"prompt\":\"anything\"}"));
        URI url = callbackUrl(id);

        try (Atelier webNode = platform.startAnotherNode("web", Map.of("atelier.generation.workers", "0"))) {
            assertThat(post(webNode.port(), url, Map.of("webhook-id", "msg_1"), "first").statusCode()).isEqualTo(204);
            assertThat(post(webNode.port(), url, Map.of("webhook-id", "msg_2"), "done").statusCode()).isEqualTo(204);
        }

        assertThat(Jobs.awaitFinal(user, id).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRepeatedBodyWithoutAWebhookIdIsKeptOnce() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-webhook\",\"prompt\":\"anything\"}"));
        URI url = callbackUrl(id);

        post(url, "hooks.example.com", Map.of(), "same body");
        post(url, "hooks.example.com", Map.of(), "same body");
        post(url, "hooks.example.com", Map.of(), "done");

        assertThat(Jobs.awaitFinal(user, id).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void addressesThePlatformDidNotMakeAre404AndOversizedMessages413() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-webhook\",\"prompt\":\"anything\"}"));
        URI url = callbackUrl(id);
        String path = url.getPath();
        String signature = path.substring(path.lastIndexOf('/') + 1);

        URI forged = URI.create(PUBLIC_BASE + path.substring(0, path.lastIndexOf('/') + 1) + "0".repeat(64));
        URI otherAttempt = URI.create(PUBLIC_BASE + "/hooks/generations/" + id + "/2/" + signature);
        URI notANumber = URI.create(PUBLIC_BASE + "/hooks/generations/" + id + "/x/" + signature);
        URI otherJob = URI.create(PUBLIC_BASE + "/hooks/generations/gen_nobody/1/" + signature);
        for (URI wrong : new URI[] {forged, otherAttempt, notANumber, otherJob}) {
            HttpResponse<String> answer = post(wrong, "hooks.example.com", Map.of("webhook-id", "x"), "done");
            assertThat(answer.statusCode()).as("%s", wrong).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        HttpResponse<String> huge = post(url, "hooks.example.com", Map.of(), "x".repeat(256 * 1024 + 1));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(storedMessages(id)).isZero();

        user.post("/api/v1/generations/" + id + "/cancel");
        assertThat(Jobs.awaitFinal(user, id).get("status").asText()).isEqualTo("CANCELED");
        assertThat(platform.balance(user)).isEqualTo(10);
    }

    @Test
    void withoutAPublicBaseUrlNoCallbackUrlIsOffered() throws Exception {
        try (TestPlatform polling = TestPlatform.builder().defaultBundles()
                .testModels("test-webhook-model", "test-webhook")
                .studio(SLUG, "{id: test-webhook, credits: 3}", "")
                .start()) {
            User user = polling.user(SLUG, 10);
            String id = Jobs.accepted(user.submit("{\"model\":\"test-webhook\",\"prompt\":\"anything\"}"));

            assertThat(Jobs.awaitFinal(user, id).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(System.getProperty("atelier.test.callback-url." + id)).isEqualTo("none");
        }
    }

    /** The URL the model was given for {@code jobId}, once it runs. */
    private static URI callbackUrl(String jobId) {
        String key = "atelier.test.callback-url." + jobId;
        await().atMost(Jobs.PATIENCE).until(() -> System.getProperty(key) != null);
        return URI.create(System.getProperty(key));
    }

    /** POSTs to the path of {@code url} on this platform, as a vendor reaching the public address would. */
    private static HttpResponse<String> post(URI url, String host, Map<String, String> headers, String body)
            throws Exception {
        return post(platform.port(), url, host, headers, body);
    }

    private static HttpResponse<String> post(int port, URI url, Map<String, String> headers, String body)
            throws Exception {
        return post(port, url, "hooks.example.com", headers, body);
    }

    private static HttpResponse<String> post(int port, URI url, String host, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url.getRawPath()))
                .timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + port)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return User.HTTP_CLIENT().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int storedMessages(String jobId) throws Exception {
        try (Connection c = platform.atelier().database().dataSource().getConnection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM generation_callback WHERE job_id = ?")) {
            q.setString(1, jobId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
