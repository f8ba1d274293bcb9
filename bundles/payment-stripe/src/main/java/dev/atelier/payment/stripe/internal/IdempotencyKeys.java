package dev.atelier.payment.stripe.internal;

import com.stripe.net.RequestOptions;

/**
 * The {@code Idempotency-Key} of every create, made of the host's own id for what is created: a retry after a
 * timeout, or a double click that reaches Stripe twice, answers the object the first request made. Stripe keeps a
 * key for 24 hours, by when the host has recorded what the first request returned.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /** One Stripe customer per account. */
    static RequestOptions customer(String accountId) {
        return key("customer-" + accountId);
    }

    /** One Checkout Session per host checkout. */
    static RequestOptions checkout(String checkoutId) {
        return key("checkout-" + checkoutId);
    }

    /** One price (with its product) per plan definition: its lookup key. */
    static RequestOptions price(String lookupKey) {
        return key("price-" + lookupKey);
    }

    /** One refund per host refund. */
    static RequestOptions refund(String refundId) {
        return key("refund-" + refundId);
    }

    private static RequestOptions key(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
