package dev.atelier.spi.payment;

import java.net.URI;
import java.util.Objects;

/**
 * A billing-portal session the host asks for, and what the customer came to do there.
 *
 * @param providerCustomerId the vendor's customer
 * @param returnUrl where the portal sends the customer back ({@code /account/billing} on the tenant's site)
 * @param intent what the customer chose on the site: {@link Manage} opens the portal's start page; {@link Cancel} and
 *     {@link ChangePlan} should open straight on that step when the vendor can (Stripe's {@code flow_data}); a
 *     provider that cannot deep-link opens its start page for them too
 */
public record PortalRequest(String providerCustomerId, URI returnUrl, Intent intent) {

    public PortalRequest {
        Objects.requireNonNull(providerCustomerId, "providerCustomerId");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(intent, "intent");
    }

    /** A portal session to manage everything (payment methods, invoices, the plan): {@link Manage}. */
    public PortalRequest(String providerCustomerId, URI returnUrl) {
        this(providerCustomerId, returnUrl, new Manage());
    }

    /** What the customer came to the portal for. */
    public sealed interface Intent permits Manage, Cancel, ChangePlan {}

    /** Anything the portal offers: payment methods, invoices, the plan. */
    public record Manage() implements Intent {}

    /**
     * Cancel a subscription at the end of its paid period (the vendor's subscription.updated event then reports
     * {@code cancelAtPeriodEnd}; its deletion at the period's end reports the cancellation).
     *
     * @param providerSubscriptionId the vendor's subscription
     */
    public record Cancel(String providerSubscriptionId) implements Intent {
        public Cancel {
            Objects.requireNonNull(providerSubscriptionId, "providerSubscriptionId");
        }
    }

    /**
     * Move a subscription to another of the tenant's plans; the vendor prorates as it does, and the next period is
     * billed, and its credits granted, at the new plan.
     *
     * @param providerSubscriptionId the vendor's subscription
     * @param offer the plan to move to (recurring)
     */
    public record ChangePlan(String providerSubscriptionId, Offer offer) implements Intent {
        public ChangePlan {
            Objects.requireNonNull(providerSubscriptionId, "providerSubscriptionId");
            Objects.requireNonNull(offer, "offer");
            if (!offer.recurring()) {
                throw new IllegalArgumentException("A subscription changes to a plan, not to top-up " + offer.id());
            }
        }
    }
}
