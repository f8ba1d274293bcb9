package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.plugins.BoundPlugin;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.payment.PortalRequest;
import dev.atelier.spi.payment.PortalSession;
import dev.atelier.spi.payment.SimulatedPayments;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managing a subscription: the provider's billing portal (to manage payment methods, cancel, or change plan), and in
 * test mode what the provider's vendor would do, simulated: the test portal's answers and renewals. Nothing changes
 * here directly: every change comes back as the provider's events, through the same intake as its webhooks.
 */
public final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    /** What the customer asks of the portal, or answers on the test portal. */
    public enum Intent {
        /** Payment methods, invoices, anything the portal offers. */
        MANAGE,
        /** End the plan at the end of the paid period. */
        CANCEL,
        /** Take back a cancellation before the period ends (test portal; the vendor's portal offers it itself). */
        RESUME,
        /** Move to another plan. */
        CHANGE;

        /** The intent a form or request names in lower case ({@code "cancel"}); empty for anything else. */
        public static Optional<Intent> named(String name) {
            return Arrays.stream(values()).filter(i -> i.name().toLowerCase(Locale.ROOT).equals(name))
                    .findFirst();
        }
    }

    private final Payments payments;
    private final SecureRandom random = new SecureRandom();

    Subscriptions(Payments payments) {
        this.payments = payments;
    }

    /**
     * Opens the tenant's provider's billing portal for the account, on the step {@code intent} names.
     *
     * @param offerId the plan to change to ({@link Intent#CHANGE} only)
     * @param returnUrl where the portal sends the customer back
     * @return where to send the customer (absolute: a test-mode provider's path is resolved against
     *     {@code returnUrl})
     * @throws InvalidSubscriptionChangeException when there is nothing to manage, no plan to cancel or change, or the
     *     plan is the one it has
     * @throws UnknownOfferException when {@code offerId} is not one of the tenant's plans
     */
    public URI portal(Tenant tenant, String accountId, Intent intent, String offerId, URI returnUrl)
            throws InvalidSubscriptionChangeException, UnknownOfferException, PaymentsUnavailableException {
        BoundPlugin<PaymentProvider> provider = payments.available(tenant);
        String customer = payments.customerId(tenant.id(), provider.plugin(), accountId).orElseThrow(() ->
                new InvalidSubscriptionChangeException("There is nothing to manage yet: buy a plan or top-up first."));
        PortalRequest.Intent asked = switch (intent) {
            case CANCEL -> new PortalRequest.Cancel(current(tenant, accountId).providerSubscriptionId());
            case CHANGE -> {
                SubscriptionRecord current = current(tenant, accountId);
                yield new PortalRequest.ChangePlan(current.providerSubscriptionId(), newPlan(tenant, current,
                        offerId));
            }
            case MANAGE, RESUME -> new PortalRequest.Manage();
        };
        PortalSession session = Payments.callProvider(provider, "open the billing portal",
                (p, context) -> p.createPortalSession(new PortalRequest(customer, returnUrl, asked), context));
        LOG.info("Billing portal ({}) opened for account {} of tenant {} at {}", intent, accountId, tenant.slug(),
                provider.plugin());
        return session.url().isAbsolute() ? session.url() : returnUrl.resolve(session.url());
    }

    /**
     * The customer's answer on a test-mode provider's portal page: the provider writes the subscription.updated
     * webhook its vendor would send, which is then received like any other. The plan's period stays; a changed plan
     * is billed, and its credits granted, from the next period.
     *
     * @param offerId the plan to change to ({@link Intent#CHANGE} only)
     */
    public List<AppliedEvent> answerTestPortal(Tenant tenant, String accountId, Intent intent, String offerId)
            throws InvalidSubscriptionChangeException, UnknownOfferException, PaymentsUnavailableException,
            InvalidWebhookException {
        SubscriptionRecord current = current(tenant, accountId);
        if (current.periodStart() == null || current.periodEnd() == null) {
            throw new InvalidSubscriptionChangeException("This plan has no paid period to change yet.");
        }
        Offer plan = intent == Intent.CHANGE ? newPlan(tenant, current, offerId) : offer(tenant, current);
        boolean cancel = intent == Intent.CANCEL || (intent == Intent.CHANGE && current.cancelAtPeriodEnd());
        String customer = payments.customerId(tenant.id(), current.provider(), accountId).orElse(null);
        SimulatedPayments.Simulation updated = new SimulatedPayments.SubscriptionUpdated(plan, customer,
                current.providerSubscriptionId(), new PaymentEvent.Period(current.periodStart(), current.periodEnd()),
                cancel);
        // Each answer is news: cancel, resume and cancel again are three events.
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        String eventId = "evt_portal_" + current.id() + "_" + HexFormat.of().formatHex(nonce);
        return payments.simulate(tenant, updated, eventId, "simulate a portal change");
    }

    /**
     * Moves a test-mode subscription of the tenant to its next period, as the provider's vendor would at a renewal:
     * paid (or, with {@code paid} false, not collected) at its current plan, or, when it was to end with its period,
     * ended. The event goes through the same intake as any other; renewing the same period twice changes nothing.
     *
     * @return the applied events; empty when the tenant has no such subscription, it is canceled or not the current
     *     provider's
     */
    public List<AppliedEvent> renewTest(Tenant tenant, String subscriptionId, boolean paid)
            throws PaymentsUnavailableException, InvalidWebhookException {
        Optional<SubscriptionRecord> found = tenantSubscription(tenant, subscriptionId)
                .filter(s -> s.status() != SubscriptionRecord.Status.CANCELED && s.periodEnd() != null);
        BoundPlugin<PaymentProvider> provider = payments.available(tenant);
        if (found.isEmpty() || !found.get().provider().equals(provider.plugin())) {
            return List.of();
        }
        SubscriptionRecord s = found.get();
        String customer = payments.customerId(tenant.id(), provider.plugin(), s.accountId()).orElse(null);
        String periodKey = s.id() + "_" + s.periodEnd().getEpochSecond();
        if (s.cancelAtPeriodEnd()) {
            return payments.simulate(tenant, new SimulatedPayments.SubscriptionEnded(customer,
                    s.providerSubscriptionId(), s.periodEnd()), "evt_end_" + periodKey, "simulate a plan's end");
        }
        Offer offer = offer(tenant, s);
        ZonedDateTime start = s.periodEnd().atZone(ZoneOffset.UTC);
        PaymentEvent.Period next = new PaymentEvent.Period(s.periodEnd(), (offer.interval() == Offer.Interval.YEAR
                ? start.plusYears(1) : start.plusMonths(1)).toInstant());
        return payments.simulate(tenant, new SimulatedPayments.PeriodRenewed(offer, customer,
                s.providerSubscriptionId(), next, paid), "evt_renew_" + periodKey + (paid ? "" : "_unpaid"),
                "simulate a renewal");
    }

    /** The tenant's subscription {@code subscriptionId}; empty for another tenant's. */
    public Optional<SubscriptionRecord> tenantSubscription(Tenant tenant, String subscriptionId) {
        return payments.transactions().run("reading a subscription", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM billing_subscription WHERE tenant_id = ? AND id = ?")) {
                try (ResultSet row = bind(select, tenant.id(), subscriptionId).executeQuery()) {
                    return row.next() ? Optional.of(EventApplier.subscription(row)) : Optional.empty();
                }
            }
        });
    }

    /** The tenant's subscriptions that are not canceled, newest first, at most {@code limit} (the admins' list). */
    public List<TenantSubscription> tenantSubscriptions(Tenant tenant, int limit) {
        return payments.transactions().run("reading subscriptions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT s.*, a.email AS buyer_email"
                    + " FROM billing_subscription s LEFT JOIN account a ON a.tenant_id = s.tenant_id"
                    + " AND a.id = s.account_id WHERE s.tenant_id = ? AND s.status <> 'CANCELED'"
                    + " ORDER BY s.created_at DESC LIMIT ?")) {
                List<TenantSubscription> out = new ArrayList<>();
                try (ResultSet row = bind(select, tenant.id(), Math.max(1, limit)).executeQuery()) {
                    while (row.next()) {
                        out.add(new TenantSubscription(EventApplier.subscription(row), row.getString("buyer_email")));
                    }
                }
                return out;
            }
        });
    }

    private SubscriptionRecord current(Tenant tenant, String accountId) throws InvalidSubscriptionChangeException {
        return payments.subscription(tenant, accountId).orElseThrow(() ->
                new InvalidSubscriptionChangeException("You have no plan to cancel or change."));
    }

    private static Offer newPlan(Tenant tenant, SubscriptionRecord current, String offerId)
            throws UnknownOfferException, InvalidSubscriptionChangeException {
        String id = offerId == null ? "" : offerId.strip();
        Offer offer = TenantOffers.find(tenant, id).filter(Offer::recurring)
                .orElseThrow(() -> new UnknownOfferException(id));
        if (offer.id().equals(current.offerId())) {
            throw new InvalidSubscriptionChangeException("You are on the " + offer.name() + " already.");
        }
        return offer;
    }

    // Archived plans renew as they are; a plan the tenant removed renews as its previous payment bought it.
    private Offer offer(Tenant tenant, SubscriptionRecord subscription) throws PaymentsUnavailableException {
        return payments.transactions().run("reading a subscription's plan", connection -> new PlanRenewals(
                payments.ledger()).offer(connection, tenant, subscription.offerId(), subscription.id()))
                .filter(Offer::recurring).orElseThrow(() ->
                        new PaymentsUnavailableException("This plan is not offered any more.", false, null));
    }
}
