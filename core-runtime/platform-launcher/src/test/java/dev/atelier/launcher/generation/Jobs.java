package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

/** Waiting for generations and reading what they made, as a client of the JSON API would. */
final class Jobs {

    static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELED", "EXPIRED");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Jobs() {}

    /** The job's id from a 202 answer, checking its Location. */
    static String accepted(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("submit answered %s", response.body()).isEqualTo(202);
        String id = User.parse(response).get("id").asText();
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/generations/" + id);
        return id;
    }

    /** Polls the job until it ends; returns its last view. */
    static JsonNode awaitFinal(User user, String id) {
        return awaitFinal(user, id, PATIENCE);
    }

    static JsonNode awaitFinal(User user, String id, Duration patience) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(user.json("/api/v1/generations/" + id));
            return FINAL.contains(last.get().get("status").asText());
        });
        return last.get();
    }

    static JsonNode awaitStatus(User user, String id, String status) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            last.set(user.json("/api/v1/generations/" + id));
            return last.get().get("status").asText().equals(status);
        });
        return last.get();
    }

    /** A path-and-query of an absolute or relative media URL. */
    static String path(String url) {
        int start = url.indexOf("/media/");
        assertThat(start).as("media URL %s", url).isGreaterThanOrEqualTo(0);
        return url.substring(start);
    }

    static java.awt.image.BufferedImage image(byte[] bytes) throws IOException {
        java.awt.image.BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("the bytes decode as an image").isNotNull();
        return image;
    }

    /** Server-Sent Events of a stream: (event, data) pairs in order. */
    record Event(String name, String data) {}

    static List<Event> events(HttpResponse<java.util.stream.Stream<String>> response) {
        List<Event> events = new ArrayList<>();
        String name = null;
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                events.add(new Event(name, line.substring(6)));
            }
        }
        return events;
    }
}
