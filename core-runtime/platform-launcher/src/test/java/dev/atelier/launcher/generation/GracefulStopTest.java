package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node stopping (SIGTERM) while it runs a job: the job finishes if it can within the drain time; otherwise it goes
 * back to the queue at once without spending an attempt, so restarts during a long generation never fail it.
 */
class GracefulStopTest {

    private static final String SLUG = "north";
    private static final List<String> MODELS = List.of("procedural", "test-slow");

    @RegisterExtension
    final TestPlatform platform = TestPlatform.builder()
            .defaultBundles()
            .testModels("test-stop-models", "test-slow")
            .studio(SLUG, "{id: test-slow, credits: 2}", "")
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
