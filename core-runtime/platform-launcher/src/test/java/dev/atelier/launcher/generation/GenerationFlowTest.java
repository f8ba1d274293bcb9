package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user creates images and videos on a real platform, over HTTP, from the JSON API and from the plain HTML pages. */
class GenerationFlowTest {

    static final String SLUG = "flowstudio";
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 1}, {id: procedural-video, credits: 3}",
                    "credits: {max_concurrent_jobs_per_user: 10}")
            .build();

    @Test
    void browserSubmissionStreamsProgressThenSucceedsAndChargesThePriceOnce() throws Exception {
        User user = platform.user(SLUG, 25);

        String id = Jobs.accepted(user.submitAsBrowser("""
                {"model":"procedural","prompt":"a lighthouse at dusk","parameters":{"width":256,"height":192}}"""));
        HttpResponse<Stream<String>> stream = User.HTTP_CLIENT().send(user.browser("/api/v1/generations/" + id
                + "/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<Jobs.Event> events = Jobs.events(stream);

        assertThat(events).isNotEmpty();
        Jobs.Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.name()).isEqualTo("progress"));
        JsonNode job = User.JSON.readTree(done.data());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode output = job.get("outputs").get(0);
        assertThat(output.get("media_type").asText()).isEqualTo("image/png");

        HttpResponse<byte[]> image = user.bytes(Jobs.path(output.get("url").asText()));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage decoded = Jobs.image(image.body());
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(192);
        HttpResponse<byte[]> thumbnail = user.bytes(Jobs.path(output.get("thumbnail_url").asText()));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        Jobs.image(thumbnail.body());

        assertThat(platform.balance(user)).isEqualTo(24);
        assertThat(user.json("/api/v1/credits").get("balance").asLong()).isEqualTo(24);
        assertThat(platform.ledgerKinds(user, id)).containsExactly(LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
    }

    @Test
    void historyListsNewestFirstInPages() throws Exception {
        User user = platform.user(SLUG, 10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = Jobs.accepted(user.submit("""
                    {"model":"procedural","prompt":"tile %d","parameters":{"width":128,"height":128}}""".formatted(i)));
            Jobs.awaitFinal(user, id);
            ids.add(id);
        }

        JsonNode first = user.json("/api/v1/generations?limit=2");
        assertThat(first.get("items").findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1));
        String cursor = first.get("next_cursor").asText();
        JsonNode second = user.json("/api/v1/generations?limit=2&cursor=" + cursor);
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(ids.get(0));
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(platform.balance(user)).isEqualTo(7);
    }

    @Test
    void deletingAGenerationRemovesItsFilesAndItsLinks() throws Exception {
        User user = platform.user(SLUG, 5);
        String id = Jobs.accepted(user.submit("""
                {"model":"procedural","prompt":"a red kite","parameters":{"width":512,"height":384}}"""));
        JsonNode job = Jobs.awaitFinal(user, id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        String url = Jobs.path(job.get("outputs").get(0).get("url").asText());
        String thumbnail = Jobs.path(job.get("outputs").get(0).get("thumbnail_url").asText());
        List<Path> filesOfJob = filesNamed(id);
        assertThat(filesOfJob).as("stored output and thumbnail of %s", id).hasSizeGreaterThanOrEqualTo(2);

        assertThat(user.delete("/api/v1/generations/" + id).statusCode()).isEqualTo(204);

        assertThat(filesNamed(id)).isEmpty();
        assertThat(filesOfJob).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(user.bytes(url).statusCode()).isEqualTo(404);
        assertThat(user.bytes(thumbnail).statusCode()).isEqualTo(404);
        assertThat(user.scriptGet("/api/v1/generations/" + id).statusCode()).isEqualTo(404);
        assertThat(platform.balance(user)).as("deleting does not refund a success").isEqualTo(4);
    }

    @Test
    void createPageWorksWithoutJavaScript() throws Exception {
        User user = platform.user(SLUG, 5);
        HttpResponse<String> page = user.get("/create");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"p.procedural.width\"");

        HttpResponse<String> posted = user.postForm("/create", new User.Multipart().fields(Map.of(
                "csrf", user.csrf(), "model", "procedural", "prompt", "a paper boat",
                "p.procedural.width", "128", "p.procedural.height", "128")));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/gallery/gen_[0-9a-f]+$");
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> item = user.get("/gallery/" + id);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.body()).containsAnyOf("<progress", "/media/");
        Jobs.awaitFinal(user, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> user.get("/gallery/" + id).body().contains("/media/"));
        assertThat(user.get("/gallery").body()).contains("/gallery/" + id);
        assertThat(platform.balance(user)).isEqualTo(4);
    }

    @Test
    void videoModelMakesAnMp4WithAPoster() throws Exception {
        User user = platform.user(SLUG, 5);
        String id = Jobs.accepted(user.submit("""
                {"model":"procedural-video","prompt":"waves","parameters":{"width":128,"height":128,"duration_seconds":1}}"""));
        JsonNode job = Jobs.awaitFinal(user, id, Duration.ofSeconds(60));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode output = job.get("outputs").get(0);
        assertThat(output.get("media_type").asText()).isEqualTo("video/mp4");
        HttpResponse<byte[]> video = user.bytes(Jobs.path(output.get("url").asText()));
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(new String(Arrays.copyOfRange(video.body(), 4, 8), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftyp");
        HttpResponse<byte[]> poster = user.bytes(Jobs.path(output.get("thumbnail_url").asText()));
        assertThat(poster.statusCode()).isEqualTo(200);
        Jobs.image(poster.body());
        assertThat(platform.balance(user)).isEqualTo(2);
    }

    @Test
    void anUploadedImageChangesTheResult() throws Exception {
        User user = platform.user(SLUG, 5);
        HttpResponse<String> uploaded = user.upload("input.png", "image/png", stripes(128));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String uploadId = User.parse(uploaded).get("id").asText();
        String request = """
                {"model":"procedural","prompt":"same words","parameters":{"width":128,"height":128,"seed":7}%s}""";

        JsonNode plain = Jobs.awaitFinal(user, Jobs.accepted(user.submit(request.formatted(""))));
        JsonNode withInput = Jobs.awaitFinal(user, Jobs.accepted(user.submit(
                request.formatted(",\"inputs\":[\"" + uploadId + "\"]"))));

        assertThat(withInput.get("status").asText()).as(withInput.toString()).isEqualTo("SUCCEEDED");
        assertThat(withInput.get("inputs").findValuesAsText("")).isEmpty();
        byte[] a = user.bytes(Jobs.path(plain.get("outputs").get(0).get("url").asText())).body();
        byte[] b = user.bytes(Jobs.path(withInput.get("outputs").get(0).get("url").asText())).body();
        assertThat(Jobs.image(b).getWidth()).isEqualTo(128);
        assertThat(b).isNotEqualTo(a);
    }

    /** Black and white stripes, unlike anything the procedural model draws by itself. */
    static byte[] stripes(int side) throws Exception {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, (x / 8) % 2 == 0 ? 0xffffff : 0x000000);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static List<Path> filesNamed(String jobId) throws Exception {
        return platform.storedFiles().stream().filter(p -> p.toString().contains(jobId)).toList();
    }

}
