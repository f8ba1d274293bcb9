package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many submissions at once, and a node stopped while it runs a job: credits still move exactly once per job. */
class GenerationConcurrencyTest {

    static final String SLUG = "rushstudio";
    static final List<String> MODELS = List.of("procedural", "procedural-video", "test-quick", "test-slow");
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .testModels("test-timed-models", "test-quick", "test-slow")
            .studio(SLUG, "{id: test-quick, credits: 3}, {id: test-slow, credits: 2}",
                    "credits: {max_concurrent_jobs_per_user: 100, max_concurrent_jobs_per_tenant: 100}")
            .set("atelier.generation.workers", "1")
            .set("atelier.generation.lease", "2s")
            .set("atelier.generation.sweep-interval", "500ms")
            .set("atelier.generation.max-attempts", "2")
            .build();

    @Test
    void fiftySimultaneousSubmissionsAcceptExactlyWhatTheBalanceCovers() throws Exception {
        User user = platform.user(SLUG, 30);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return user.submit("{\"model\":\"test-quick\",\"prompt\":\"rush " + n + "\"}");
                }));
            }
            go.countDown();
            List<String> accepted = new ArrayList<>();
            int refused = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 202) {
                    accepted.add(User.parse(response).get("id").asText());
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(402);
                    refused++;
                }
            }

            assertThat(accepted).hasSize(10).doesNotHaveDuplicates();
            assertThat(refused).isEqualTo(40);
            for (String id : accepted) {
                assertThat(Jobs.awaitFinal(user, id).get("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD,
                        LedgerEntry.Kind.CAPTURE);
            }
            assertThat(platform.balance(user)).isEqualTo(0);
            assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJobWhoseNodeStopsIsTakenOverByTheNextNodeAndSettledOnce() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("{\"model\":\"test-slow\",\"prompt\":\"interrupted\"}"));
        Jobs.awaitStatus(user, id, "RUNNING");

        platform.stop();
        platform.restart(java.util.Map.of(), MODELS);
        JsonNode job = Jobs.awaitFinal(user, id, Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        // Handed back as the node stopped, the interrupted run did not count as an attempt.
        assertThat(platform.atelier().generation().jobs().findById(id).orElseThrow().attempts()).isEqualTo(1);
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        assertThat(platform.balance(user)).isEqualTo(8);
    }
}
