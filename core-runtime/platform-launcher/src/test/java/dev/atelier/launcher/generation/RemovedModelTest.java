package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model whose bundle is removed while jobs for it wait in the queue: users no longer see it, and the waiting jobs
 * fail with a reason and give their credits back, however long they waited. (A job running when its bundle goes is
 * in {@link GenerationFailureTest}.)
 */
class RemovedModelTest {

    static final String SLUG = "removalstudio";

    @Test
    void queuedJobsOfARemovedModelFailAndReleaseTheirCredits() throws Exception {
        try (TestPlatform platform = TestPlatform.builder().defaultBundles()
                .testModels("test-vanishing-model", "test-vanishes")
                .studio(SLUG, "{id: procedural, credits: 1}, {id: test-vanishes, credits: 2}", "")
                .set("atelier.generation.workers", "0")
                .start()) {
            User user = platform.user(SLUG, 10);
            String waiting = Jobs.accepted(user.submit("{\"model\":\"test-vanishes\",\"prompt\":\"anything\"}"));
            assertThat(platform.balance(user)).isEqualTo(8);

            Files.delete(platform.deployDir().resolve("test-vanishing-model.jar"));
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> platform.atelier().plugins().models().find("test-vanishes").isEmpty());
            assertThat(user.get("/create").body()).doesNotContain("test-vanishes");

            // Workers start (as on a node that comes up, or this one restarted with workers).
            platform.stop();
            platform.restart(Map.of("atelier.generation.workers", "2"), List.of("procedural"));
            JsonNode job = Jobs.awaitFinal(user, waiting);

            assertThat(job.get("status").asText()).isEqualTo("FAILED");
            assertThat(job.get("error").asText()).contains("no longer available").contains("credits were not used");
            assertThat(platform.ledgerKinds(user, waiting)).containsExactly(LedgerEntry.Kind.HOLD,
                    LedgerEntry.Kind.RELEASE);
            assertThat(platform.balance(user)).isEqualTo(10);
        }
    }
}
