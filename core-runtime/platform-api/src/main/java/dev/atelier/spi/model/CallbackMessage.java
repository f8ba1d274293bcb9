package dev.atelier.spi.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request a vendor sent to {@link Callbacks#url()}: its headers and body exactly as received, not yet
 * authenticated. Immutable.
 */
public final class CallbackMessage {

    private final Map<String, String> headers;
    private final byte[] body;
    private final Instant receivedAt;

    /**
     * @param headers request headers; names are matched case-insensitively, a repeated header keeps its values joined
     *     with {@code ", "}
     * @param body the request body, at most {@link Callbacks#MAX_BODY_BYTES}
     * @param receivedAt when the host received it
     */
    public CallbackMessage(Map<String, String> headers, byte[] body, Instant receivedAt) {
        TreeMap<String, String> copy = new TreeMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, value) ->
                copy.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "header value")));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = Objects.requireNonNull(body, "body").clone();
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A header's value, for example {@code header("webhook-signature")}; the name's case does not matter. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** All headers, names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, byte for byte as received (signatures are computed over these bytes). A copy. */
    public byte[] body() {
        return body.clone();
    }

    /** When the host received the message. */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "CallbackMessage[" + body.length + " bytes, received " + receivedAt + "]";
    }
}
