package dev.atelier.spi.payment;

import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A provider in test mode, whose vendor is simulated: implement it beside {@link PaymentProvider} on the same service.
 * The platform then serves the checkout page itself (plainly marked as a test, with "pay" and "decline" buttons) at
 * the path {@link PaymentProvider#createCheckout} returned, serves the test billing portal (where the customer cancels
 * or changes plan) at the path {@link PaymentProvider#createPortalSession} returned, and lets admins and operators
 * advance a subscription to its next period. What happens is asked of the provider as the signed webhook its vendor would send, which the host
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

    /**
     * The customer changed their subscription on the test billing portal: another plan, a cancellation at the
     * period's end, or a cancellation taken back. The vendor would report the subscription as it now stands.
     *
     * @param offer the subscription's plan after the change
     * @param period the current paid period (a change does not move it)
     */
    record SubscriptionUpdated(Offer offer, String providerCustomerId, String providerSubscriptionId,
            PaymentEvent.Period period, boolean cancelAtPeriodEnd) implements Simulation {}

    /**
     * A subscription that was to end at its period's end reaches it: the vendor deletes it and bills nothing more.
     *
     * @param endedAt when it ended (the period's end)
     */
    record SubscriptionEnded(String providerCustomerId, String providerSubscriptionId, Instant endedAt)
            implements Simulation {}

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
