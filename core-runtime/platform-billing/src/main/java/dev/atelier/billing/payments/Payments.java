package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.LedgerPage;
import dev.atelier.billing.credits.CreditSource;
import dev.atelier.billing.notices.BillingNotices;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.plugins.BoundPlugin;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.TenantBindings;
import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.payment.PendingReference;
import dev.atelier.spi.payment.Refund;
import dev.atelier.spi.payment.RefundRequest;
import dev.atelier.spi.payment.SimulatedPayments;
import dev.atelier.spi.plugin.WebhookMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buying plans and top-ups: starting checkouts at the tenant's payment provider, receiving its webhooks, and reading
 * an account's subscription and payments. Every change is made here, from the provider's normalized events; see
 * {@link EventApplier} for how each applies exactly once.
 */
public final class Payments {

    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
    private static final String UNAVAILABLE = "Purchases are not available on this site right now.";

    private final JdbcTransactions transactions;
    private final CreditLedger ledger;
    private final PluginRegistry<PaymentProvider, Void> providers;
    private final Clock clock;
    private final UuidV7 ids;
    private final EventApplier applier;
    private final Subscriptions subscriptions;
    private final BillingNotices notices;

    public Payments(DataSource dataSource, CreditLedger ledger, PluginRegistry<PaymentProvider, Void> providers,
            Clock clock) {
        this(dataSource, ledger, providers, clock, BillingNotices.NONE);
    }

    /** @param notices told, on the applying transaction, of each payment, failure, cancellation and refund applied */
    public Payments(DataSource dataSource, CreditLedger ledger, PluginRegistry<PaymentProvider, Void> providers,
            Clock clock, BillingNotices notices) {
        this.notices = notices;
        this.transactions = new JdbcTransactions(dataSource);
        this.ledger = ledger;
        this.providers = providers;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
        this.applier = new EventApplier(ledger, clock, ids, notices);
        this.subscriptions = new Subscriptions(this);
    }

    /** Managing subscriptions: the billing portal, and test mode's portal answers and renewals. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The tenant's payment provider, when it chose one (deployed or not). */
    public Optional<String> provider(Tenant tenant) {
        return bound(tenant).map(BoundPlugin::plugin);
    }

    /** Whether the tenant's provider is deployed and simulated (test mode: the platform serves its checkout page). */
    public boolean testMode(Tenant tenant) {
        Optional<BoundPlugin<PaymentProvider>> bound = bound(tenant).filter(BoundPlugin::available);
        try {
            return bound.isPresent() && bound.get().call((provider, context) -> provider instanceof SimulatedPayments);
        } catch (PluginCallException e) {
            return false;
        }
    }

    /**
     * Starts a checkout of {@code offerId} for an account, or offers again the one the account started for the same
     * offer in the last {@link Checkouts#REUSE} (a double click makes one checkout).
     *
     * @param origin the tenant site's origin ({@code https://auratuner.com}), for the return addresses
     * @throws UnknownOfferException when the tenant has no such plan or top-up
     * @throws PaymentsUnavailableException when the tenant's provider is missing, not set up or not answering
     */
    public CheckoutRecord checkout(Tenant tenant, String accountId, String email, String offerId, URI origin)
            throws UnknownOfferException, PaymentsUnavailableException {
        if (TenantOffers.archived(tenant, offerId)) {
            throw UnknownOfferException.archived(offerId);
        }
        Offer offer = TenantOffers.find(tenant, offerId).orElseThrow(() -> new UnknownOfferException(offerId));
        BoundPlugin<PaymentProvider> provider = available(tenant);
        String id = "chk_" + EventApplier.compact(ids);
        Optional<CheckoutRecord> reused = transactions.run("starting a checkout", connection -> {
            lockCustomer(connection, tenant.id(), accountId);
            Optional<CheckoutRecord> recent = Checkouts.recentOpen(connection, tenant.id(), accountId,
                    provider.plugin(), offerId, clock.instant().minus(Checkouts.REUSE));
            if (recent.isEmpty()) {
                Checkouts.insert(connection, id, tenant.id(), accountId, provider.plugin(), offer, clock.instant());
            }
            return recent;
        });
        if (reused.isPresent() && reused.get().url() != null) {
            return reused.get();
        }
        String checkoutId = reused.map(CheckoutRecord::id).orElse(id);
        Customer customer = new Customer(accountId, email, customerId(tenant.id(), provider.plugin(), accountId)
                .orElse(null));
        CheckoutRequest request = new CheckoutRequest(checkoutId, offer, customer,
                origin.resolve("/account/billing?checkout=" + checkoutId), origin.resolve("/pricing"));
        Checkout answer = callProvider(provider, "open a checkout",
                (p, context) -> p.createCheckout(request, context));
        URI url = answer.url().isAbsolute() ? answer.url() : origin.resolve(answer.url());
        transactions.run("recording a checkout's answer", connection -> {
            rememberCustomer(connection, tenant.id(), provider.plugin(), accountId, answer.providerCustomerId());
            Checkouts.opened(connection, checkoutId, answer, url, clock.instant());
            return null;
        });
        LOG.info("Checkout {} of {} opened for account {} of tenant {} at {}", checkoutId, offerId, accountId,
                tenant.slug(), provider.plugin());
        return checkout(tenant, accountId, checkoutId).orElseThrow();
    }

    /** The account's checkout {@code checkoutId}; empty for someone else's. */
    public Optional<CheckoutRecord> checkout(Tenant tenant, String accountId, String checkoutId) {
        return transactions.run("reading a checkout", connection -> Checkouts.find(connection, tenant.id(),
                checkoutId).filter(c -> c.accountId().equals(accountId)));
    }

    /**
     * Receives a webhook for the tenant's provider {@code providerId}: checked and translated by the provider, then
     * each event applied once.
     *
     * @throws InvalidWebhookException when the provider does not believe it (nothing changes)
     * @throws PaymentsUnavailableException when the tenant does not use {@code providerId} or it is not deployed
     */
    public List<AppliedEvent> receive(Tenant tenant, String providerId, WebhookMessage message)
            throws InvalidWebhookException, PaymentsUnavailableException {
        BoundPlugin<PaymentProvider> provider = available(tenant);
        if (!provider.plugin().equals(providerId)) {
            throw new PaymentsUnavailableException("This site does not take payments through " + providerId + ".",
                    false, null);
        }
        List<PaymentEvent> events;
        try {
            events = provider.call((p, context) -> p.parseWebhook(message, context));
        } catch (PluginCallException e) {
            if (e.getCause() instanceof InvalidWebhookException invalid) {
                throw invalid;
            }
            throw new PaymentsUnavailableException(UNAVAILABLE, true, e);
        }
        return apply(tenant, providerId, events);
    }

    /** Applies each event in its own transaction, once (see {@link EventApplier}). */
    List<AppliedEvent> apply(Tenant tenant, String providerId, List<PaymentEvent> events) {
        List<AppliedEvent> applied = new ArrayList<>();
        for (PaymentEvent event : events) {
            AppliedEvent result = applyOnce(tenant, providerId, event);
            LOG.info("Payment event {} of tenant {} from {}: {} ({})", event.eventId(), tenant.slug(), providerId,
                    result.outcome(), result.detail());
            applied.add(result);
        }
        return applied;
    }

    private AppliedEvent applyOnce(Tenant tenant, String providerId, PaymentEvent event) {
        try {
            return transactions.run("applying a payment event",
                    connection -> applier.apply(connection, tenant, providerId, event));
        } catch (EventApplier.AlreadyReceived duplicate) {
            return new AppliedEvent(event.eventId(), AppliedEvent.Outcome.DUPLICATE, "received before");
        }
    }

    /**
     * What the tenant's provider says about something still pending here (the reconciler's question); empty when the
     * provider is not the one that made it, is not deployed, or does not answer.
     */
    List<PaymentEvent> lookUp(Tenant tenant, String providerId, PendingReference pending) {
        Optional<BoundPlugin<PaymentProvider>> bound = bound(tenant)
                .filter(b -> b.available() && b.plugin().equals(providerId));
        if (bound.isEmpty()) {
            return List.of();
        }
        try {
            return bound.get().call((p, context) -> p.lookUp(pending, context));
        } catch (PluginCallException e) {
            LOG.warn("Payment provider {} could not look up {} {}: {}", providerId, pending.kind(),
                    pending.providerId(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return List.of();
        }
    }

    JdbcTransactions transactions() {
        return transactions;
    }

    CreditLedger ledger() {
        return ledger;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The buyer's answer on a test-mode provider's checkout page: the provider writes the webhook its vendor would
     * send, which is then received like any other. A checkout that is no longer open changes nothing.
     *
     * @return the applied events; empty when the checkout was not open
     */
    public List<AppliedEvent> answerTestCheckout(Tenant tenant, String accountId, String email, String checkoutId,
            boolean paid) throws PaymentsUnavailableException, InvalidWebhookException {
        Optional<CheckoutRecord> checkout = checkout(tenant, accountId, checkoutId)
                .filter(c -> c.status() == CheckoutRecord.Status.OPEN && c.providerCheckoutId() != null);
        if (checkout.isEmpty()) {
            return List.of();
        }
        CheckoutRecord c = checkout.get();
        CheckoutRequest request = new CheckoutRequest(c.id(), c.offer(), new Customer(accountId, email,
                c.providerCustomerId()), URI.create("/account/billing"), URI.create("/pricing"));
        SimulatedPayments.Simulation answer = new SimulatedPayments.CheckoutAnswered(request, c.providerCheckoutId(),
                c.providerCustomerId(), paid, "sub_" + c.id());
        return simulate(tenant, answer, "evt_" + c.id() + (paid ? "_paid" : "_declined"), "simulate a checkout");
    }

    /**
     * Where the account's credits come from: its unexpired grants with credits left, soonest-expiring first (the
     * order they are spent in). Together they make the balance plus {@link #held}.
     */
    public List<CreditSource> sources(Tenant tenant, String accountId) {
        return ledger.sources(tenant.id(), accountId);
    }

    /**
     * One page of the account's credit movements, newest first: see {@link CreditLedger#entries(String, String, int,
     * String)}.
     */
    public LedgerPage history(Tenant tenant, String accountId, int limit, String cursor) {
        return ledger.entries(tenant.id(), accountId, limit, cursor);
    }

    /** Credits the account's running generations have set aside. */
    public long held(Tenant tenant, String accountId) {
        return ledger.held(tenant.id(), accountId);
    }

    /** Credits the account can spend now (what its purchases added, less what it spent). */
    public long balance(Tenant tenant, String accountId) {
        return ledger.balance(tenant.id(), accountId);
    }

    /**
     * Refunds all or part of a payment through the tenant's provider (an admin's decision): the refund is recorded
     * first, the provider asked with its id as idempotency key, and once the provider says it succeeded the credits
     * that part of the payment bought are taken back (what was spent becomes owed). A refund the provider only
     * accepted (pending) is finished by its webhook.
     *
     * @param requestedBy the admin's account id
     * @param requestKey the admin's form's one-time key, or {@code null}: the same key again (a double click) answers
     *     the refund it asked for the first time and refunds nothing more
     * @throws InvalidRefundException when the amount is not between 1 and what is left of the payment
     */
    public RefundRecord refund(Tenant tenant, String paymentId, long amountMinor, String reason, String requestedBy,
            String requestKey) throws InvalidRefundException, PaymentsUnavailableException {
        BoundPlugin<PaymentProvider> provider = available(tenant);
        Reversals reversals = new Reversals(ledger, clock, ids);
        String refundId = "rfd_" + (requestKey == null ? EventApplier.compact(ids) : keyed(tenant, requestKey));
        Asked asked = transactions.run("recording a refund", connection -> {
            Optional<PaymentRecord> paid = payment(connection, tenant.id(), paymentId);
            if (paid.isEmpty()) {
                return new Asked(null, false, false);
            }
            ledger.lockAccount(connection, tenant.id(), paid.get().accountId());
            // Under the account's lock, so the same key sent twice at once finds the first one's refund.
            if (reversals.find(connection, tenant.id(), "id = ?", refundId).isPresent()) {
                return new Asked(paid.get(), true, false);
            }
            // A lost dispute refunds the whole payment without a refund row.
            long left = paid.get().amountMinor() - Math.max(paid.get().refundedMinor(),
                    reversals.claimed(connection, tenant.id(), paymentId));
            // While the payer's bank disputes the payment its credits are frozen; the dispute's end decides.
            boolean disputed = reversals.disputeOpen(connection, tenant.id(), paymentId);
            if (amountMinor >= 1 && amountMinor <= left && !disputed) {
                reversals.insert(connection, refundId, tenant.id(), paymentId, amountMinor, reason, requestedBy);
            }
            return new Asked(paid.get(), false, disputed);
        });
        PaymentRecord payment = asked.payment();
        Optional<RefundRecord> recorded = payment == null ? Optional.empty() : transactions.run("reading a refund",
                connection -> reversals.find(connection, tenant.id(), "id = ?", refundId));
        if (recorded.isEmpty()) {
            throw new InvalidRefundException(payment == null ? "There is no such payment."
                    : asked.disputed() ? "This payment is disputed by the payer's bank; it can be refunded only once"
                            + " the dispute is closed."
                    : "A refund must be between 1 and what is left of the payment.");
        }
        if (asked.replay()) {
            return recorded.get();
        }
        RefundRequest request = new RefundRequest(refundId, payment.providerPaymentId(), amountMinor,
                payment.currency(), reason);
        Refund answer;
        try {
            answer = callProvider(provider, "refund", (p, context) -> p.refund(request, context));
        } catch (PaymentsUnavailableException e) {
            markRefund(tenant, refundId, "FAILED");
            throw e;
        }
        return transactions.run("applying a refund", connection -> {
            if (answer.status() == Refund.Status.SUCCEEDED) {
                Reversals.Paid paid = reversals.payment(connection, tenant.id(), "id = ?", paymentId).orElseThrow();
                Optional<RefundRecord> applied = reversals.succeeded(connection, tenant.id(), paid,
                        answer.providerRefundId(), refundId, amountMinor, reason);
                if (applied.isPresent()) {
                    notices.queue(connection, tenant, EventApplier.refunded(paid, applied.get(), payment.currency()));
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement("UPDATE billing_refund SET"
                        + " provider_refund_id = ?, status = ? WHERE id = ?")) {
                    bind(update, answer.providerRefundId(), answer.status() == Refund.Status.FAILED ? "FAILED"
                            : "PENDING", refundId).executeUpdate();
                }
            }
            return reversals.find(connection, tenant.id(), "id = ?", refundId).orElseThrow();
        });
    }

    /** The account's payment {@code paymentId} (its receipt); empty for anyone else's. */
    public Optional<PaymentRecord> payment(Tenant tenant, String accountId, String paymentId) {
        return transactions.run("reading a payment", connection -> payment(connection, tenant.id(), paymentId)
                .filter(p -> p.accountId().equals(accountId)));
    }

    /**
     * The tenant's payments with their buyers and refunds, newest first, at most {@code limit} (the admins' list).
     *
     * @param emailPrefix only buyers whose email starts with it, as typed; empty for everyone
     * @param kind only plans or only top-ups; {@code null} for both
     */
    public List<TenantPayment> tenantPayments(Tenant tenant, String emailPrefix, TenantPayment.Kind kind, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (emailPrefix != null && !emailPrefix.isBlank()) {
            where.append(TenantPayments.emailStartsWith());
            values.add(TenantPayments.likePattern(emailPrefix));
        }
        if (kind != null) {
            where.append(TenantPayments.ofKind(kind));
        }
        Reversals reversals = new Reversals(ledger, clock, ids);
        return transactions.run("reading payments", connection -> TenantPayments.read(connection, reversals,
                tenant.id(), where.toString(), values, limit));
    }

    /** The tenant's payment {@code paymentId} with its buyer and refunds; empty for another tenant's. */
    public Optional<TenantPayment> tenantPayment(Tenant tenant, String paymentId) {
        Reversals reversals = new Reversals(ledger, clock, ids);
        return transactions.run("reading a payment", connection -> TenantPayments.read(connection, reversals,
                tenant.id(), " AND p.id = ?", List.of(paymentId), 1)).stream().findFirst();
    }

    /** The tenant's refund {@code refundId}; empty for another tenant's. */
    public Optional<RefundRecord> tenantRefund(Tenant tenant, String refundId) {
        Reversals reversals = new Reversals(ledger, clock, ids);
        return transactions.run("reading a refund", connection -> reversals.find(connection, tenant.id(), "id = ?",
                refundId));
    }

    /** What the account owes after refunds of credits it had spent; new generations wait while it is above zero. */
    public long owed(Tenant tenant, String accountId) {
        return ledger.shortfall(tenant.id(), accountId);
    }

    /**
     * The payment a refund is asked of ({@code null}: none such), whether its key had asked before, and whether the
     * payment is disputed right now.
     */
    private record Asked(PaymentRecord payment, boolean replay, boolean disputed) {}

    /** A refund id made from an admin's form key: the same key of the same tenant is the same refund. */
    private static String keyed(Tenant tenant, String requestKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (tenant.id() + "\n" + requestKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void markRefund(Tenant tenant, String refundId, String status) {
        transactions.run("marking a refund", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE billing_refund SET status = ? WHERE tenant_id = ? AND id = ?")) {
                return bind(update, status, tenant.id(), refundId).executeUpdate();
            }
        });
    }

    private static Optional<PaymentRecord> payment(Connection connection, String tenantId, String paymentId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM billing_payment WHERE tenant_id = ? AND id = ?")) {
            try (ResultSet row = bind(select, tenantId, paymentId).executeQuery()) {
                return row.next() ? Optional.of(PaymentRows.payment(row)) : Optional.empty();
            }
        }
    }

    /**
     * Moves a test-mode subscription of the account to its next period (see {@link Subscriptions#renewTest}); another
     * account's subscription is not found.
     *
     * @return the applied events; empty when the account has no such subscription or it is canceled
     */
    public List<AppliedEvent> renewTestSubscription(Tenant tenant, String accountId, String subscriptionId,
            boolean paid) throws PaymentsUnavailableException, InvalidWebhookException {
        if (subscription(tenant, accountId).filter(s -> s.id().equals(subscriptionId)).isEmpty()) {
            return List.of();
        }
        return subscriptions.renewTest(tenant, subscriptionId, paid);
    }

    /**
     * Asks the tenant's test-mode provider for the webhook its vendor would send for {@code simulation}, and receives
     * it like any other.
     */
    List<AppliedEvent> simulate(Tenant tenant, SimulatedPayments.Simulation simulation, String eventId, String what)
            throws PaymentsUnavailableException, InvalidWebhookException {
        BoundPlugin<PaymentProvider> provider = available(tenant);
        WebhookMessage message = callProvider(provider, what, (p, context) -> {
            if (!(p instanceof SimulatedPayments simulated)) {
                throw new PaymentException(PaymentException.Kind.NOT_SUPPORTED, "not a test-mode provider");
            }
            return simulated.simulate(simulation, eventId, context);
        });
        return receive(tenant, provider.plugin(), message);
    }

    /** The account's newest subscription that is not canceled, if any. */
    public Optional<SubscriptionRecord> subscription(Tenant tenant, String accountId) {
        return transactions.run("reading a subscription", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM billing_subscription"
                    + " WHERE tenant_id = ? AND account_id = ? AND status <> 'CANCELED'"
                    + " ORDER BY created_at DESC LIMIT 1")) {
                try (ResultSet row = bind(select, tenant.id(), accountId).executeQuery()) {
                    return row.next() ? Optional.of(EventApplier.subscription(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The account's payments, newest first: at most {@code limit}, older than payment {@code beforeId} when it is not
     * {@code null} (ids sort by age).
     */
    public List<PaymentRecord> payments(Tenant tenant, String accountId, int limit, String beforeId) {
        return transactions.run("reading payments", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM billing_payment"
                    + " WHERE tenant_id = ? AND account_id = ? AND (?::text IS NULL OR id < ?)"
                    + " ORDER BY id DESC LIMIT ?")) {
                List<PaymentRecord> out = new ArrayList<>();
                try (ResultSet row = bind(select, tenant.id(), accountId, beforeId, beforeId,
                        Math.max(1, Math.min(101, limit))).executeQuery()) {
                    while (row.next()) {
                        out.add(PaymentRows.payment(row));
                    }
                }
                return out;
            }
        });
    }

    private Optional<BoundPlugin<PaymentProvider>> bound(Tenant tenant) {
        return providers.bind(TenantBindings.of(tenant));
    }

    BoundPlugin<PaymentProvider> available(Tenant tenant) throws PaymentsUnavailableException {
        Optional<BoundPlugin<PaymentProvider>> bound = bound(tenant);
        if (bound.isEmpty() || !bound.get().available()) {
            throw new PaymentsUnavailableException(UNAVAILABLE, false, null);
        }
        return bound.get();
    }

    static <R> R callProvider(BoundPlugin<PaymentProvider> provider, String what,
            BoundPlugin.TenantCall<PaymentProvider, R> call) throws PaymentsUnavailableException {
        try {
            return provider.call(call);
        } catch (PluginCallException e) {
            boolean temporary = !(e.getCause() instanceof PaymentException failure)
                    || failure.kind() == PaymentException.Kind.TEMPORARY;
            LOG.warn("Payment provider {} could not {}: {}", provider.plugin(), what,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            throw new PaymentsUnavailableException(temporary ? "The payment service did not answer. Please try again"
                    + " in a moment." : UNAVAILABLE, temporary, e);
        }
    }

    /** Serializes an account's checkouts, so that a double click finds the first click's checkout. */
    private static void lockCustomer(Connection connection, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            bind(lock, "checkout:" + tenantId + ":" + accountId).executeQuery().close();
        }
    }

    Optional<String> customerId(String tenantId, String provider, String accountId) {
        return transactions.run("reading a payment customer", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT provider_customer_id FROM"
                    + " billing_customer WHERE tenant_id = ? AND provider = ? AND account_id = ?")) {
                try (ResultSet row = bind(select, tenantId, provider, accountId).executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private void rememberCustomer(Connection connection, String tenantId, String provider, String accountId,
            String providerCustomerId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_customer (tenant_id,"
                + " provider, account_id, provider_customer_id, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            bind(insert, tenantId, provider, accountId, providerCustomerId, clock.instant()).executeUpdate();
        }
    }
}
