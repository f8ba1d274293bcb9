package dev.atelier.spi.plugin;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The one implementation of {@link WebhookMessage}; private to the API so its representation can change. */
final class ReceivedWebhook implements WebhookMessage {

    private final Map<String, String> headers;
    private final byte[] body;
    private final Instant receivedAt;

    ReceivedWebhook(Map<String, String> headers, byte[] body, Instant receivedAt) {
        TreeMap<String, String> copy = new TreeMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, value) ->
                copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "header value")));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = Objects.requireNonNull(body, "body").clone();
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "WebhookMessage[" + body.length + " bytes, received " + receivedAt + "]";
    }
}
