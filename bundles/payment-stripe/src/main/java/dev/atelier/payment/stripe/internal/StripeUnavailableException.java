package dev.atelier.payment.stripe.internal;

/**
 * A believed webhook whose translation needs a read from Stripe that failed (Stripe unreachable, the key refused).
 * Unchecked because {@code parseWebhook} may only refuse a webhook as forged; the host answers it as a failed plugin
 * call (5xx), so Stripe delivers the event again later and nothing is lost.
 */
final class StripeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
