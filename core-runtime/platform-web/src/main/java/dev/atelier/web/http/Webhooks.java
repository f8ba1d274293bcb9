package dev.atelier.web.http;

import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.web.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a vendor's webhook request as the plugins see it, its body bounded before it is read whole. */
public final class Webhooks {

    private Webhooks() {}

    /**
     * The request as a {@link WebhookMessage}.
     *
     * @throws ProblemException 413 when the body is longer than {@code maxBytes}, 400 when it cannot be read
     */
    public static WebhookMessage read(HttpHeaders headers, InputStream body, int maxBytes) {
        return WebhookMessage.of(flat(headers), bounded(body, maxBytes), Instant.now());
    }

    private static byte[] bounded(InputStream body, int maxBytes) {
        try (body) {
            byte[] content = body.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new ProblemException(413, "Content Too Large", "A webhook message may have at most "
                        + maxBytes / 1024 + " KB.");
            }
            return content;
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "The message could not be read.");
        }
    }

    private static Map<String, String> flat(HttpHeaders headers) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
            flat.put(header.getKey(), String.join(", ", header.getValue()));
        }
        return flat;
    }
}
