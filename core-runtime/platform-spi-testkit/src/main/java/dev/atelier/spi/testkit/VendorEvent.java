package dev.atelier.spi.testkit;

import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;

/**
 * Something that happens at a payment vendor, as {@link PaymentProviderContract} asks a provider's vendor stand-in to
 * report it: the stand-in answers with the webhooks the vendor would send, in the vendor's own format and signed as
 * the vendor signs them.
 *
 * <p>Every variant carries the {@code eventId} the stand-in puts on the (first) event it sends; a vendor that sends
 * several events for one happening derives their ids from it.
 */
public sealed interface VendorEvent {

    /** The id the stand-in's (first) event carries. */
    String eventId();

    /**
     * The customer paid a checkout the provider opened: a top-up's single payment, or a plan's subscription with its
     * first period paid.
     *
     * @param request the checkout as the host asked for it
     * @param checkout the provider's answer to it
     * @param providerSubscriptionId for a plan, the subscription id to use when the stand-in may choose it (a vendor
     *     that chooses its own ids uses its own)
     */
    record CheckoutPaid(CheckoutRequest request, Checkout checkout, String providerSubscriptionId, String eventId)
            implements VendorEvent {}

    /** The customer's payment for a checkout was declined; nothing was bought. */
    record CheckoutDeclined(CheckoutRequest request, Checkout checkout, String eventId) implements VendorEvent {}

    /**
     * A subscription reached its next period, which was paid, or (with {@code paid} false) could not be collected.
     *
     * @param plan the subscription's plan
     */
    record PeriodRenewed(Offer plan, String providerCustomerId, String providerSubscriptionId,
            PaymentEvent.Period next, boolean paid, String eventId) implements VendorEvent {}

    /**
     * The payer's bank disputed a payment ({@code opened}), or a dispute ended, {@code won} or lost.
     *
     * @param providerDisputeId the dispute id to use when the stand-in may choose it
     */
    record Disputed(String providerCustomerId, String providerPaymentId, String providerDisputeId, long amountMinor,
            String currency, boolean opened, boolean won, String eventId) implements VendorEvent {}

    /** An event of a type the platform does not use, genuinely signed (a vendor sends many such). */
    record UnknownType(String eventId) implements VendorEvent {}
}
