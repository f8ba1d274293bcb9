package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prices that step by image size or video length, set in tenant.yaml: what a job holds, what 402 says, what shows. */
class GenerationPricingTest {

    static final String SLUG = "stepstudio";
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 4, steps: [{up_to: 256x256, credits: 1},"
                    + " {up_to: 1024x1024, credits: 2}]},"
                    + " {id: procedural-video, credits: 6, steps: [{up_to: 2s, credits: 3}]}",
                    "credits: {max_concurrent_jobs_per_user: 10}")
            .build();

    @Test
    void aSmallImageHoldsTheSmallStepsPriceAndALargeOneTheBasePrice() throws Exception {
        User user = platform.user(SLUG, 20);

        String small = Jobs.accepted(user.submit(image(128, 128)));
        String middle = Jobs.accepted(user.submit(image(1024, 512)));
        String large = Jobs.accepted(user.submit(image(1200, 1000)));

        assertThat(heldFor(user, small)).isEqualTo(1);
        assertThat(heldFor(user, middle)).isEqualTo(2);
        assertThat(heldFor(user, large)).isEqualTo(4);
        assertThat(user.json("/api/v1/generations/" + small).get("credits").asLong()).isEqualTo(1);
        assertThat(user.json("/api/v1/generations/" + large).get("credits").asLong()).isEqualTo(4);
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(20 - 1 - 2 - 4);
    }

    @Test
    void aShortVideoHoldsTheShortStepsPriceAndALongerOneTheBasePrice() throws Exception {
        User user = platform.user(SLUG, 20);

        String shortClip = Jobs.accepted(user.submit(video(2)));
        String longClip = Jobs.accepted(user.submit(video(3)));

        assertThat(user.json("/api/v1/generations/" + shortClip).get("credits").asLong()).isEqualTo(3);
        assertThat(user.json("/api/v1/generations/" + longClip).get("credits").asLong()).isEqualTo(6);
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(20 - 3 - 6);
    }

    @Test
    void notEnoughCreditsReportsThePriceOfTheRequestedSize() throws Exception {
        User user = platform.user(SLUG, 3);

        HttpResponse<String> refused = user.submit(image(2048, 2048));
        Jobs.accepted(user.submit(image(256, 256)));

        assertThat(refused.statusCode()).isEqualTo(402);
        JsonNode problem = User.parse(refused);
        assertThat(problem.get("price").asLong()).isEqualTo(4);
        assertThat(problem.get("balance").asLong()).isEqualTo(3);
        assertThat(platform.balance(user)).isEqualTo(2);
    }

    @Test
    void theFormWithoutScriptsIsChargedAtTheSizeItAsksFor() throws Exception {
        User user = platform.user(SLUG, 3);

        HttpResponse<String> refused = user.postForm("/create", new User.Multipart().fields(Map.of(
                "csrf", user.csrf(), "model", "procedural", "prompt", "a paper boat",
                "p.procedural.width", "2048", "p.procedural.height", "2048")));
        HttpResponse<String> posted = user.postForm("/create", new User.Multipart().fields(Map.of(
                "csrf", user.csrf(), "model", "procedural", "prompt", "a paper boat",
                "p.procedural.width", "1024", "p.procedural.height", "1024")));

        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.body()).contains("This costs 4 credits and you have 3 credits.");
        // One banner says so, not two.
        assertThat(refused.body().split("Not enough credits", -1)).hasSize(2);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(platform.balance(user)).isEqualTo(1);
    }

    @Test
    void theCreatePageShowsThePriceRangeAndItsSteps() throws Exception {
        User user = platform.user(SLUG, 1);

        String page = user.get("/create").body();

        assertThat(page).contains("1–4 credits", "Up to 256x256", "Up to 1024x1024", "Larger", "3–6 credits",
                "Up to 2s", "Longer", "data-price-steps=\"65536:1 1048576:2\"", "data-price-unit=\"size\"");
        // The cheapest image fits the balance of 1, so only the video (3 credits at least) is marked as too dear.
        assertThat(page.split("More than your", -1)).hasSize(2);
    }

    @Test
    void thePricingAndLandingPagesShowEachModelsRangeAndSteps() throws Exception {
        User user = platform.user(SLUG, 0);

        String pricing = user.get("/pricing").body();
        String landing = user.get("/").body();

        assertThat(pricing).contains("1–4", "up to 256x256: 1", "up to 1024x1024: 2", "larger: 4", "3–6",
                "up to 2s: 3", "longer: 6");
        assertThat(landing).contains("<strong>1–4</strong> credits", "by size", "<strong>3–6</strong> credits",
                "by length");
    }

    private static long heldFor(User user, String jobId) throws Exception {
        for (JsonNode entry : user.json("/api/v1/credits").get("entries")) {
            if (jobId.equals(entry.path("generation_id").asText()) && entry.get("kind").asText().equals("HOLD")) {
                return Math.abs(entry.get("amount").asLong());
            }
        }
        throw new AssertionError("no hold for " + jobId);
    }

    private static String image(int width, int height) {
        return "{\"model\":\"procedural\",\"prompt\":\"a lighthouse\",\"parameters\":{\"width\":" + width
                + ",\"height\":" + height + "}}";
    }

    private static String video(int seconds) {
        return "{\"model\":\"procedural-video\",\"prompt\":\"waves\",\"parameters\":{\"width\":64,\"height\":64,"
                + "\"duration_seconds\":" + seconds + "}}";
    }
}
