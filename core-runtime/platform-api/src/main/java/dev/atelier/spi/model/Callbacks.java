package dev.atelier.spi.model;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A public URL at which a vendor can notify one generation call (a webhook), and the messages that arrived there.
 * Offered through {@link GenerationContext#callbacks()} only when the platform is reachable from the internet.
 *
 * <p>The host accepts {@code POST} requests to {@link #url()} on any node, keeps them with the job and hands them to
 * the model in arrival order, each once: a message repeated with the same {@code webhook-id} header (Standard
 * Webhooks) is kept only the first time. The host does not check signatures; it cannot know the vendor's scheme or
 * secret. <strong>A model must check each message's signature before believing it</strong>, and should keep polling
 * the vendor now and then in case messages are lost.
 *
 * <pre>{@code
 * Optional<Callbacks> callbacks = context.callbacks();
 * if (callbacks.isPresent()) {
 *     body.put("webhook", callbacks.get().url().toString());
 * }
 * ...
 * Optional<CallbackMessage> message = callbacks.get().next(Duration.ofSeconds(30));
 * if (message.isPresent() && signatureIsValid(message.get())) { ... }
 * }</pre>
 *
 * <p>Implemented by the host; valid only during the {@link GenerationModel#generate} call it came from.
 */
@ProviderType
public interface Callbacks {

    /** Largest message body the host keeps, in bytes; bigger requests are refused with 413. */
    int MAX_BODY_BYTES = 256 * 1024;

    /**
     * The URL to give the vendor: public (https in production), unique to this call and hard to guess. It stops
     * accepting messages once the call has ended.
     */
    URI url();

    /**
     * Waits for the next message not yet returned by this method.
     *
     * @param wait the longest time to wait; zero only looks
     * @return the message, or empty when none arrived within {@code wait}, the call was cancelled or the thread
     *     was interrupted (then its interrupt flag is set again)
     */
    Optional<CallbackMessage> next(Duration wait);
}
