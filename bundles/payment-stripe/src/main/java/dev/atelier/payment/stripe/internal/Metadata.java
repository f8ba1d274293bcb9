package dev.atelier.payment.stripe.internal;

/**
 * The metadata keys the bundle writes on Stripe's objects and reads back from their events: they carry the host's own
 * ids, so an event names the checkout, offer or refund it is about without any state in the bundle.
 */
final class Metadata {

    /** On a customer: the host's account id. */
    static final String ACCOUNT = "atelier_account_id";
    /** On a Checkout Session, its subscription and its payment intent: the host's checkout id. */
    static final String CHECKOUT = "atelier_checkout_id";
    /**
     * Beside {@link #CHECKOUT}: the tenant's plan or top-up id. Also on the prices (and their products) plans are
     * billed at, so a subscription moved to another price in the Billing Portal names its new plan.
     */
    static final String OFFER = "atelier_offer_id";
    /** On a refund: the host's refund id. */
    static final String REFUND = "atelier_refund_id";
    /** On a refund: the tenant admin's reason, which Stripe's own reason codes cannot hold. */
    static final String REASON = "atelier_reason";

    private Metadata() {}
}
