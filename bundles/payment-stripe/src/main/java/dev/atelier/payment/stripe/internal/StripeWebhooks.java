package dev.atelier.payment.stripe.internal;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.plugin.WebhookMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Believes a webhook only as stripe-java's own verifier does: the {@code Stripe-Signature} header's {@code v1} HMAC
 * of {@code <t>.<body>} under the endpoint's signing secret, with {@code t} at most five minutes from the message's
 * arrival. Judged at arrival rather than now, so a message the host queued briefly is judged as it came.
 */
final class StripeWebhooks {

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    private StripeWebhooks() {}

    /** The verified event. */
    static Event verify(WebhookMessage message, String secret) throws InvalidWebhookException {
        String signature = message.header(SIGNATURE_HEADER).orElseThrow(() ->
                new InvalidWebhookException("Stripe webhook without a " + SIGNATURE_HEADER + " header"));
        String payload = new String(message.body(), StandardCharsets.UTF_8);
        try {
            return Webhook.constructEvent(payload, signature, secret, Webhook.DEFAULT_TOLERANCE,
                    Clock.fixed(message.receivedAt(), ZoneOffset.UTC));
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException("Stripe webhook not believed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Signed but not an event (gson refuses the body): the same answer as a forgery, 400 and nothing changes.
            throw new InvalidWebhookException("Stripe webhook body is not an event: " + e.getMessage(), e);
        }
    }

    /**
     * The event's object as stripe-java's class for it. An event of another API version than the library's is read
     * field by field (the endpoint's version is the operator's choice); what the bundle reads exists in both.
     */
    static StripeObject object(Event event) throws InvalidWebhookException {
        try {
            return event.getDataObjectDeserializer().getObject().isPresent()
                    ? event.getDataObjectDeserializer().getObject().get()
                    : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new InvalidWebhookException("Stripe event " + event.getId() + " of type " + event.getType()
                    + " has an object stripe-java cannot read: " + e.getMessage(), e);
        }
    }
}
