package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The create form's variations and aspect presets, the finished job's stage and the result page's facts, on a real
 * platform over HTTP as a browser without scripts (and the page's script) sends them.
 */
class CreateVariationsTest {

    static final String SLUG = "variationstudio";
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 2}", "credits: {max_concurrent_jobs_per_user: 4}")
            .build();

    @Test
    void threeVariationsMakeThreeJobsWithTheNextSeedsAndChargeThreeTimesThePrice() throws Exception {
        User user = platform.user(SLUG, 10);

        HttpResponse<String> posted = user.postForm("/create", form(user, "a paper boat", Map.of(
                "variations", "3", "p.procedural.seed", "40")));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/gallery");
        List<JsonNode> jobs = jobsOf(user);
        assertThat(jobs).hasSize(3);
        assertThat(jobs).extracting(j -> j.get("parameters").get("seed").asLong())
                .containsExactlyInAnyOrder(40L, 41L, 42L);
        for (JsonNode job : jobs) {
            JsonNode done = Jobs.awaitFinal(user, job.get("id").asText());
            assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(platform.ledgerKinds(user, job.get("id").asText()))
                    .containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        }
        assertThat(platform.balance(user)).isEqualTo(10 - 3 * 2);
    }

    @Test
    void variationsTheBalanceDoesNotCoverMakeNoneAndTheBannerSaysTheTotal() throws Exception {
        User user = platform.user(SLUG, 5);

        HttpResponse<String> posted = user.postForm("/create", form(user, "three kites", Map.of("variations", "3")));

        assertThat(posted.statusCode()).isEqualTo(402);
        assertThat(posted.body()).contains("Not enough credits", "This costs 6 credits for 3 variations",
                "you have 5 credits", "Nothing was started");
        assertThat(jobsOf(user)).isEmpty();
        assertThat(platform.balance(user)).isEqualTo(5);
        assertThat(user.json("/api/v1/credits").get("entries").findValuesAsText("kind")).doesNotContain("HOLD");
    }

    @Test
    void anAspectPresetGivesTheModelItsSize() throws Exception {
        User user = platform.user(SLUG, 10);
        String page = user.get("/create").body();
        assertThat(page).contains("name=\"aspect.procedural\" value=\"16:9\" data-fields=\"height=576 width=1024\"",
                "name=\"aspect.procedural\" value=\"2:3\"", "name=\"aspect.procedural\" value=\"1:1\"");

        HttpResponse<String> posted = user.postForm("/create", form(user, "a wide shore", Map.of(
                "aspect.procedural", "16:9", "p.procedural.width", "300", "p.procedural.height", "300")));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        JsonNode job = jobsOf(user).get(0);
        assertThat(job.get("parameters").get("width").asLong()).isEqualTo(1024);
        assertThat(job.get("parameters").get("height").asLong()).isEqualTo(576);
    }

    @Test
    void theModelsApiListsEachModelsAspectPresetsWithTheParametersToSend() throws Exception {
        User user = platform.user(SLUG, 1);

        JsonNode model = user.json("/api/v1/models/procedural");

        JsonNode wide = null;
        for (JsonNode preset : model.get("aspect_ratios")) {
            wide = preset.get("ratio").asText().equals("16:9") ? preset : wide;
        }
        assertThat(wide).as("the 16:9 preset in %s", model).isNotNull();
        assertThat(wide.get("width").asInt()).isEqualTo(1024);
        assertThat(wide.get("parameters").get("height").asInt()).isEqualTo(576);
    }

    @Test
    void theScriptsSubmitAnswersTheQueuedJobsInsteadOfARedirect() throws Exception {
        User user = platform.user(SLUG, 10);
        User.Multipart body = form(user, "two moons", Map.of("variations", "2"));

        HttpResponse<String> answer = User.send(user.browser("/create").header("Accept", "application/json")
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.body())));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode queued = User.parse(answer).get("jobs");
        assertThat(queued).hasSize(2);
        assertThat(queued.get(0).get("events_url").asText())
                .isEqualTo("/api/v1/generations/" + queued.get(0).get("id").asText() + "/events");
        assertThat(queued.get(1).get("url").asText()).startsWith("/gallery/gen_");
    }

    @Test
    void aFinishedJobKeepsTheModelsFinalStageNotTheLastHeartbeats() throws Exception {
        User user = platform.user(SLUG, 10);
        String id = Jobs.accepted(user.submit("""
                {"model":"procedural","prompt":"a slow tide","parameters":{"width":1536,"height":1536}}"""));

        JsonNode done = Jobs.awaitFinal(user, id);

        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("stage").asText()).isEqualTo("Done");
    }

    @Test
    void theResultPageListsEveryParameterAndTheInputImage() throws Exception {
        User user = platform.user(SLUG, 10);
        HttpResponse<String> uploaded = user.upload("input.png", "image/png", GenerationFlowTest.stripes(96));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String upload = User.parse(uploaded).get("id").asText();
        String id = Jobs.accepted(user.submit("""
                {"model":"procedural","prompt":"stripes under fog","inputs":["%s"],
                 "parameters":{"width":192,"height":128,"seed":77,"style":"aurora"}}""".formatted(upload)));
        Jobs.awaitFinal(user, id);

        String page = user.get("/gallery/" + id).body();

        assertThat(page).contains("<dt>Width (px)</dt><dd>192</dd>", "<dt>Height (px)</dt><dd>128</dd>",
                "<dt>Seed</dt><dd>77</dd>", "<dt>Style</dt><dd>aurora</dd>", "<dt>Input image weight</dt><dd>0.6</dd>",
                "Started from", "alt=\"Your input image\"", "96 × 96 px");
        String inputUrl = page.replaceAll("(?s).*<img src=\"([^\"]+)\" alt=\"Your input image\".*", "$1")
                .replace("&amp;", "&");
        assertThat(user.bytes(Jobs.path(inputUrl)).statusCode()).isEqualTo(200);
    }

    private static User.Multipart form(User user, String prompt, Map<String, String> more) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("csrf", user.csrf(), "model", "procedural",
                "prompt", prompt, "p.procedural.width", "128", "p.procedural.height", "128"));
        fields.putAll(more);
        return new User.Multipart().fields(fields);
    }

    private static List<JsonNode> jobsOf(User user) throws Exception {
        List<JsonNode> jobs = new ArrayList<>();
        user.json("/api/v1/generations?limit=20").get("items").forEach(jobs::add);
        return jobs;
    }
}
