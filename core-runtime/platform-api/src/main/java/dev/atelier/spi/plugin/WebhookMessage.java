package dev.atelier.spi.plugin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One request a vendor sent to the platform (a webhook): its headers and body exactly as received, not yet
 * authenticated. Shared by every plugin kind that receives webhooks (a model's callbacks, a payment provider's
 * events), so signature checks such as Standard Webhooks' can be written once against this type. A plugin must check
 * a message's signature before believing it.
 *
 * <p>Implemented by the host; immutable.
 */
@ProviderType
public interface WebhookMessage {

    /** A header's value, for example {@code header("webhook-signature")}; the name's case does not matter. */
    Optional<String> header(String name);

    /** All headers, names in lower case; a repeated header keeps its values joined with {@code ", "}. */
    Map<String, String> headers();

    /** The body, byte for byte as received (signatures are computed over these bytes). A copy. */
    byte[] body();

    /** When the host received the message. */
    Instant receivedAt();

    /**
     * A message as received, for hosts and tests.
     *
     * @param headers request headers; names are matched case-insensitively
     */
    static WebhookMessage of(Map<String, String> headers, byte[] body, Instant receivedAt) {
        return new ReceivedWebhook(headers, body, receivedAt);
    }
}
