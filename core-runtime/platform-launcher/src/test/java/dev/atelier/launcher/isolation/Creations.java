package dev.atelier.launcher.isolation;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

/** Generations made by a party through the JSON API, as the cases need them: submitted, finished, read back. */
final class Creations {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELED", "EXPIRED");

    private Creations() {}

    /** Submits a small image of the procedural model with {@code prompt} and returns the job's id. */
    static String submit(Party party, String prompt) throws IOException, InterruptedException {
        return accepted(party.call("POST", "/api/v1/generations", request(prompt, null)));
    }

    /** The body of a generation request for the procedural model, with one input upload or none. */
    static String request(String prompt, String uploadId) {
        return "{\"model\":\"procedural\",\"prompt\":\"" + prompt + "\",\"parameters\":{\"width\":64,\"height\":64}"
                + (uploadId == null ? "" : ",\"inputs\":[\"" + uploadId + "\"]") + "}";
    }

    /** The id of an accepted generation. */
    static String accepted(HttpResponse<String> reply) throws IOException {
        return Browser.json(Party.expect(reply, 202, "submitting a generation")).get("id").asText();
    }

    /** Waits until the job has ended and returns its last view. */
    static JsonNode finished(Party party, String id) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job.set(party.json("/api/v1/generations/" + id));
            return FINAL.contains(job.get().get("status").asText());
        });
        return job.get();
    }

    /** What the owner sees of a job that must not change: status, prompt, model, credits and output count. */
    static String summary(Party party, String id) throws IOException, InterruptedException {
        JsonNode job = party.json("/api/v1/generations/" + id);
        return String.join("|", job.get("status").asText(), job.get("prompt").asText(), job.get("model").asText(),
                job.get("credits").asText(), Integer.toString(job.get("outputs").size()));
    }

    /** A 64 × 64 PNG of stripes, a picture an upload accepts. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, x % 16 < 8 ? 0x3366cc : 0xffcc00);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
