package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.launcher.testbundles.TestModel;
import dev.atelier.testkit.Mp4Edits;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Models that misbehave (throw, hang, return garbage, disappear mid-job) and requests the platform must refuse: every
 * job ends with a reason a person can read and credits are released exactly once.
 */
class GenerationFailureTest {

    static final String SLUG = "failstudio";
    static final String TIGHT = "tightstudio";
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .testModels("test-failing-models", "test-throws", "test-hangs", "test-garbage", "test-quick",
                    "test-video-file")
            .testModels("test-vanishing-model", "test-vanishes")
            .studio(SLUG, "{id: procedural, credits: 1}, {id: test-throws, credits: 2}, {id: test-hangs, credits: 2},"
                    + " {id: test-garbage, credits: 2}, {id: test-quick, credits: 2}, {id: test-vanishes, credits: 2},"
                    + " {id: test-video-file, credits: 2}",
                    "credits: {max_concurrent_jobs_per_user: 10}")
            .studio(TIGHT, "{id: procedural, credits: 1}, {id: test-hangs, credits: 1}",
                    "credits: {max_concurrent_jobs_per_user: 1}")
            .set("atelier.generation.run-deadline", "2s")
            .set("atelier.generation.max-attempts", "2")
            .set("atelier.plugins.drain-timeout", "1s")
            .build();

    @Test
    void throwingModelFailsWithAReadableReasonReleasesCreditsAndTheNextJobStillRuns() throws Exception {
        User user = platform.user(SLUG, 10);

        String failed = Jobs.accepted(user.submit("{\"model\":\"test-throws\",\"prompt\":\"anything\"}"));
        JsonNode job = Jobs.awaitFinal(user, failed);

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("model failed").contains("credits were not used")
                .doesNotContain("vendor library");
        assertThat(platform.balance(user)).isEqualTo(10);
        assertThat(platform.ledgerKinds(user, failed)).containsExactly(LedgerEntry.Kind.HOLD,
                LedgerEntry.Kind.RELEASE);

        String next = Jobs.accepted(user.submit("{\"model\":\"test-quick\",\"prompt\":\"anything\"}"));
        assertThat(Jobs.awaitFinal(user, next).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(platform.balance(user)).isEqualTo(8);
    }

    @Test
    void eachJobRunsUnderItsModelsOwnTimeLimitOrElseThePlatformDefault() throws Exception {
        User user = platform.user(SLUG, 10);

        String procedural = Jobs.accepted(user.submit("{\"model\":\"procedural\",\"prompt\":\"dunes\","
                + "\"parameters\":{\"width\":64,\"height\":64}}"));
        String quick = Jobs.accepted(user.submit("{\"model\":\"test-quick\",\"prompt\":\"anything\"}"));

        assertThat(platform.atelier().generation().jobs().findById(procedural).orElseThrow().runDeadline())
                .as("procedural declares two minutes").isEqualTo(Duration.ofMinutes(2));
        assertThat(platform.atelier().generation().jobs().findById(quick).orElseThrow().runDeadline())
                .as("no limit declared: atelier.generation.run-deadline").isEqualTo(Duration.ofSeconds(2));
        Jobs.awaitFinal(user, procedural);
        Jobs.awaitFinal(user, quick);
    }

    @Test
    void modelHangingPastTheDeadlineIsRetriedThenFailsAndReleasesOnce() throws Exception {
        User user = platform.user(SLUG, 10);

        String id = Jobs.accepted(user.submit("{\"model\":\"test-hangs\",\"prompt\":\"anything\"}"));
        JsonNode job = Jobs.awaitFinal(user, id);

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).isNotBlank();
        assertThat(platform.atelier().generation().jobs().findById(id).orElseThrow().attempts()).isEqualTo(2);
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.RELEASE);
        assertThat(platform.balance(user)).isEqualTo(10);
    }

    @Test
    void outputThatIsNotWhatTheModelDeclaredFailsAndLeavesNoFiles() throws Exception {
        User user = platform.user(SLUG, 10);

        String id = Jobs.accepted(user.submit("{\"model\":\"test-garbage\",\"prompt\":\"anything\"}"));
        JsonNode job = Jobs.awaitFinal(user, id);

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("could not be used");
        assertThat(job.get("outputs")).isEmpty();
        assertThat(platform.storedFiles()).noneMatch(p -> p.toString().contains(id));
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.RELEASE);
        assertThat(platform.balance(user)).isEqualTo(10);
    }

    @Test
    void videoWhosePosterFrameCannotBeDecodedFailsAndReleasesItsCredits() throws Exception {
        Path dir = Files.createTempDirectory("broken-video");
        try {
            Path clip = dir.resolve("clip.mp4");
            AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(clip.toFile(), 10);
            for (int i = 0; i < 3; i++) {
                encoder.encodeImage(new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR));
            }
            encoder.finish();
            for (byte[] hostile : List.of(Mp4Edits.withMediaDataFilled(Files.readAllBytes(clip), (byte) 0xFF),
                    Mp4Edits.declaringFrameSize(Files.readAllBytes(clip), 8000, 8000))) {
                Path video = Files.write(dir.resolve("hostile.mp4"), hostile);
                System.setProperty(TestModel.VIDEO_FILE_PROPERTY, video.toString());
                User user = platform.user(SLUG, 10);

                String id = Jobs.accepted(user.submit("{\"model\":\"test-video-file\",\"prompt\":\"anything\"}"));
                JsonNode job = Jobs.awaitFinal(user, id);

                assertThat(job.get("status").asText()).isEqualTo("FAILED");
                assertThat(job.get("error").asText()).contains("could not be used").contains("credits were not used");
                assertThat(platform.storedFiles()).noneMatch(p -> p.toString().contains(id));
                assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD,
                        LedgerEntry.Kind.RELEASE);
                assertThat(platform.balance(user)).isEqualTo(10);
            }
        } finally {
            System.clearProperty(TestModel.VIDEO_FILE_PROPERTY);
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void removingTheModelsBundleMidJobFailsTheJobAndReleasesItsCredits() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-vanishes\",\"prompt\":\"anything\"}"));
        Jobs.awaitStatus(user, id, "RUNNING");

        String operatorToken = platform.atelier().accounts().operatorTokens().create("failure-test").token();
        HttpResponse<String> undeployed = User.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + platform.port() + "/api/v1/operator/bundles/test-vanishing-model"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + operatorToken).DELETE());
        assertThat(undeployed.statusCode()).as(undeployed.body()).isEqualTo(204);
        JsonNode job = Jobs.awaitFinal(user, id);

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("no longer available");
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.RELEASE);
        assertThat(platform.balance(user)).isEqualTo(10);
        HttpResponse<String> again = user.submit("{\"model\":\"test-vanishes\",\"prompt\":\"anything\"}");
        assertThat(again.statusCode()).isEqualTo(422);
    }

    @Test
    void idempotencyKeyReplaysTheSameJobAndRefusesADifferentRequest() throws Exception {
        User user = platform.user(SLUG, 10);
        String body = "{\"model\":\"test-quick\",\"prompt\":\"once only\"}";

        String first = Jobs.accepted(user.submit(body, "key-1"));
        String replay = Jobs.accepted(user.submit(body, "key-1"));
        HttpResponse<String> different = user.submit("{\"model\":\"test-quick\",\"prompt\":\"another\"}", "key-1");

        assertThat(replay).isEqualTo(first);
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(User.parse(different).get("detail").asText()).contains("Idempotency-Key");
        Jobs.awaitFinal(user, first);
        assertThat(platform.balance(user)).isEqualTo(8);
        assertThat(user.json("/api/v1/generations").get("items")).hasSize(1);
    }

    @Test
    void notEnoughCreditsIs402WithBalanceAndPrice() throws Exception {
        User user = platform.user(SLUG, 1);

        HttpResponse<String> refused = user.submit("{\"model\":\"test-quick\",\"prompt\":\"anything\"}");

        assertThat(refused.statusCode()).isEqualTo(402);
        JsonNode problem = User.parse(refused);
        assertThat(problem.get("balance").asLong()).isEqualTo(1);
        assertThat(problem.get("price").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(user.json("/api/v1/generations").get("items")).isEmpty();
    }

    @Test
    void invalidRequestsAre422WithFieldErrors() throws Exception {
        User user = platform.user(SLUG, 10);

        assertThat(fieldsOf(user.submit("{\"model\":\"procedural\",\"prompt\":\"x\",\"parameters\":{\"width\":99999}}")))
                .containsExactly("parameters.width");
        assertThat(fieldsOf(user.submit("{\"model\":\"procedural\",\"prompt\":\"x\",\"parameters\":{\"colour\":\"red\"}}")))
                .containsExactly("parameters.colour");
        assertThat(fieldsOf(user.submit("{\"model\":\"procedural\"}"))).containsExactly("prompt");
        assertThat(fieldsOf(user.submit("{\"model\":\"no-such-model\",\"prompt\":\"x\"}"))).containsExactly("model");
        assertThat(platform.balance(user)).isEqualTo(10);
    }

    @Test
    void aUserOverTheConcurrencyLimitIsToldToWait() throws Exception {
        User user = platform.user(TIGHT, 10);
        String running = Jobs.accepted(user.submit("{\"model\":\"test-hangs\",\"prompt\":\"slow\"}"));

        HttpResponse<String> refused = user.submit("{\"model\":\"procedural\",\"prompt\":\"quick\","
                + "\"parameters\":{\"width\":64,\"height\":64}}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(User.parse(refused).get("detail").asText()).contains("in progress");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(user.post("/api/v1/generations/" + running + "/cancel").statusCode()).isEqualTo(200);
        assertThat(Jobs.awaitFinal(user, running).get("status").asText()).isEqualTo("CANCELED");
        assertThat(platform.balance(user)).isEqualTo(10);
    }

    private static List<String> fieldsOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = User.parse(response);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("errors")).allSatisfy(e -> assertThat(e.get("message").asText()).isNotBlank());
        return problem.get("errors").findValuesAsText("field");
    }
}
