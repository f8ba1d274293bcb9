package dev.atelier.payment.stripe.internal;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import dev.atelier.spi.payment.PaymentException;

/** Turns what stripe-java throws into the host's kinds of failure, which decide whether the host retries. */
final class StripeFailures {

    private StripeFailures() {}

    /**
     * The failure of {@code what} (for example {@code "creating a refund"}) as a {@link PaymentException}; the message
     * carries Stripe's request id, which Stripe's support asks for.
     */
    static PaymentException of(String what, StripeException e) {
        return new PaymentException(kind(e), "Stripe failed " + what + ": " + e.getMessage(), e);
    }

    static PaymentException.Kind kind(StripeException e) {
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            return PaymentException.Kind.NOT_CONFIGURED;
        }
        if (e instanceof ApiConnectionException || e instanceof RateLimitException) {
            return PaymentException.Kind.TEMPORARY;
        }
        Integer status = e.getStatusCode();
        return status == null || status >= 500 ? PaymentException.Kind.TEMPORARY : PaymentException.Kind.REFUSED;
    }
}
