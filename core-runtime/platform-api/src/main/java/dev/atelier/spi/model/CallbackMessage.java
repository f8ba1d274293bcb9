package dev.atelier.spi.model;

import dev.atelier.spi.plugin.WebhookMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request a vendor sent to {@link Callbacks#url()}: its headers and body exactly as received, not yet
 * authenticated. Immutable. A {@link WebhookMessage}, so code that checks webhook signatures serves models and every
 * other kind alike.
 */
public final class CallbackMessage implements WebhookMessage {

    private final WebhookMessage message;

    /**
     * @param headers request headers; names are matched case-insensitively, a repeated header keeps its values joined
     *     with {@code ", "}
     * @param body the request body, at most {@link Callbacks#MAX_BODY_BYTES}
     * @param receivedAt when the host received it
     */
    public CallbackMessage(Map<String, String> headers, byte[] body, Instant receivedAt) {
        this.message = WebhookMessage.of(headers, body, receivedAt);
    }

    /** A header's value, for example {@code header("webhook-signature")}; the name's case does not matter. */
    @Override
    public Optional<String> header(String name) {
        return message.header(name);
    }

    /** All headers, names in lower case. */
    @Override
    public Map<String, String> headers() {
        return message.headers();
    }

    /** The body, byte for byte as received (signatures are computed over these bytes). A copy. */
    @Override
    public byte[] body() {
        return message.body();
    }

    /** When the host received the message. */
    @Override
    public Instant receivedAt() {
        return message.receivedAt();
    }

    @Override
    public String toString() {
        return "CallbackMessage[" + body().length + " bytes, received " + receivedAt() + "]";
    }
}
