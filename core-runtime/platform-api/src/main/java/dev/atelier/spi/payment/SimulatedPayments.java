package dev.atelier.spi.payment;

import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A provider in test mode, whose vendor is simulated: implement it beside {@link PaymentProvider} on the same service.
 * The platform then serves the checkout page itself (plainly marked as a test, with "pay" and "decline" buttons) at
 * the path {@link PaymentProvider#createCheckout} returned, and lets admins and operators advance a subscription to
 * its next period. What happens is asked of the provider as the signed webhook its vendor would send, which the host
 * then receives like any other: the same intake, the same {@link PaymentProvider#parseWebhook}, the same events.
 */
@ConsumerType
public interface SimulatedPayments {

    /** Something to simulate. */
    sealed interface Simulation {}

    /**
     * The customer chose on the test checkout page.
     *
     * @param paid {@code true} for "pay", {@code false} for "decline"
     * @param providerSubscriptionId the subscription to start when a plan is paid (chosen by the host, so that a
     *     repeated answer names the same one); ignored for a top-up
     */
    record CheckoutAnswered(CheckoutRequest checkout, String providerCheckoutId, String providerCustomerId,
            boolean paid, String providerSubscriptionId) implements Simulation {}

    /**
     * A subscription reaches its next period, which is paid (or, with {@code paid} false, cannot be collected).
     *
     * @param offer the subscription's plan
     */
    record PeriodRenewed(Offer offer, String providerCustomerId, String providerSubscriptionId,
            PaymentEvent.Period next, boolean paid) implements Simulation {}

    /** The payer's bank disputes a payment ({@code opened}), or a dispute ends ({@code won} or lost). */
    record Disputed(String providerCustomerId, String providerPaymentId, String providerDisputeId, long amountMinor,
            String currency, boolean opened, boolean won) implements Simulation {}

    /**
     * The webhook the vendor would send for {@code simulation}, signed with the tenant's signing secret so that
     * {@link PaymentProvider#parseWebhook} believes it.
     *
     * @param eventId the id the event is to carry (the host picks it, so that a repeated answer is one event)
     */
    WebhookMessage simulate(Simulation simulation, String eventId, TenantContext tenant);
}
