package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.generation.jobs.NewJob;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user with a long history (more generations and ledger entries than one page): the credits listing comes a page at
 * a time, and the data export still holds every generation.
 */
class LongHistoryTest {

    static final String SLUG = "historystudio";
    static final int JOBS = 130;
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}", "")
            .set("atelier.generation.workers", "0")
            .build();
    static User user;

    @BeforeAll
    static void start() throws Exception {
        // No workers: the jobs stay queued, each with the hold it made in the ledger.
        user = platform.user(SLUG, JOBS);
        for (int i = 0; i < JOBS; i++) {
            platform.atelier().generation().jobs().submit(user.tenantId(), user.accountId(), new NewJob("procedural",
                    "prompt " + i, null, Map.of("seed", i), List.of(), 1, 1, Duration.ofMinutes(1)), null, JOBS, JOBS);
        }
    }

    @Test
    void creditsAreListedAPageAtATimeNewestFirst() throws Exception {
        JsonNode first = user.json("/api/v1/credits");
        assertThat(first.get("balance").asLong()).isZero();
        assertThat(first.get("entries")).hasSize(20);
        assertThat(first.get("entries").get(0).get("kind").asText()).isEqualTo("HOLD");

        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = user.json("/api/v1/credits?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("entries").forEach(entry -> ids.add(entry.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(ids).hasSize(JOBS + 1).doesNotHaveDuplicates();
        assertThat(user.json("/api/v1/credits?limit=100&cursor=" + first.get("next_cursor").asText())
                .get("entries").get(0).get("id").asText()).as("the second page goes on from the first")
                .isEqualTo(ids.get(20));
    }

    @Test
    void aCursorTheApiDidNotHandOutIsABadRequest() throws Exception {
        for (String cursor : List.of("not-a-cursor", "am9iMQ", "%00")) {
            HttpResponse<String> refused = user.scriptGet("/api/v1/credits?cursor=" + cursor);

            assertThat(refused.statusCode()).as(cursor + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(User.parse(refused).get("errors").findValuesAsText("field")).containsExactly("cursor");
        }
        assertThat(user.scriptGet("/api/v1/credits?limit=101").statusCode()).isEqualTo(422);
    }

    @Test
    void theDataExportHoldsEveryGenerationAndEveryCreditMovement() throws Exception {
        for (HttpResponse<String> export : List.of(user.scriptGet("/api/v1/account/export"),
                user.get("/account/export"))) {
            assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
            assertThat(export.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            JsonNode generations = User.parse(export).get("generations");
            Set<String> prompts = new HashSet<>();
            generations.forEach(job -> prompts.add(job.get("prompt").asText()));
            assertThat(generations).hasSize(JOBS);
            assertThat(prompts).hasSize(JOBS).contains("prompt 0", "prompt " + (JOBS - 1));
            assertThat(generations.get(0).get("parameters").get("seed").asInt()).isEqualTo(JOBS - 1);
            JsonNode credits = User.parse(export).get("credits");
            assertThat(credits).as("the grant and a hold per generation").hasSize(JOBS + 1);
            assertThat(credits.get(JOBS).get("kind").asText()).isEqualTo("GRANT");
            assertThat(credits.get(JOBS).get("reason").asText()).isNotBlank();
        }
    }
}
