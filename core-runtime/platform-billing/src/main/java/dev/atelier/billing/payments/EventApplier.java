package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;
import static dev.atelier.billing.payments.Sql.instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.notices.BillingNotice;
import dev.atelier.billing.notices.BillingNotices;
import dev.atelier.billing.payments.AppliedEvent.Outcome;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.DisputeClosed;
import dev.atelier.spi.payment.PaymentEvent.DisputeOpened;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.Refunded;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies one provider event in the caller's transaction, exactly once.
 *
 * <p>Once: a delivery first takes a transaction lock on the event's id and looks for its row in {@code
 * billing_event}; a second delivery waits for a concurrent first one to commit, finds its row and changes nothing.
 * The row is written last, with what applying it did, in the same transaction as the effects: one write per event
 * instead of an insert and then an update with the outcome. Its key stays the guarantee ({@link AlreadyReceived} rolls
 * back a delivery that still finds it taken). The effects are also keyed by what they are about (a payment by its
 * provider id, a subscription by its provider id), so the same payment reported under another event id (the
 * reconciler's look-up) counts once too.
 *
 * <p>In any order: the paying account is found from the checkout the event echoes or from the provider's customer,
 * which the platform records before the buyer pays, so an invoice paid before its checkout's completion is still
 * credited; a subscription change older than the one recorded, or any change after a cancellation, is ignored.
 *
 * <p>Mail: what the account's owner is told (receipt or renewal, failed payment, cancellation, refund) is handed to
 * {@link BillingNotices} on the same transaction as the change, so it is queued exactly when the change is applied.
 */
record EventApplier(CreditLedger ledger, Clock clock, UuidV7 ids, BillingNotices notices) {

    EventApplier(CreditLedger ledger, Clock clock, UuidV7 ids) {
        this(ledger, clock, ids, BillingNotices.NONE);
    }

    private record Result(Outcome outcome, String detail) {}

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * Applies {@code event}.
     *
     * @throws AlreadyReceived when the event was received before: the caller must roll the transaction back
     */
    AppliedEvent apply(Connection connection, Tenant tenant, String provider, PaymentEvent event)
            throws SQLException {
        if (receivedBefore(connection, tenant.id(), provider, event.eventId())) {
            return new AppliedEvent(event.eventId(), Outcome.DUPLICATE, "received before");
        }
        Result result = dispatch(connection, tenant, provider, event);
        if (!record(connection, tenant.id(), provider, event, result)) {
            throw new AlreadyReceived(event.eventId());
        }
        return new AppliedEvent(event.eventId(), result.outcome(), result.detail());
    }

    /** The event was received before; what this delivery did must be rolled back. */
    static final class AlreadyReceived extends RuntimeException {
        AlreadyReceived(String eventId) {
            super("payment event " + eventId + " was received before", null, false, false);
        }
    }

    private Result dispatch(Connection connection, Tenant tenant, String provider, PaymentEvent event)
            throws SQLException {
        if (event instanceof PaymentSucceeded paid) {
            return paymentSucceeded(connection, tenant, provider, paid);
        }
        if (event instanceof SubscriptionStarted started) {
            return subscriptionStarted(connection, tenant, provider, started);
        }
        if (event instanceof SubscriptionChanged changed) {
            return subscriptionChanged(connection, tenant, provider, changed);
        }
        if (event instanceof SubscriptionCanceled canceled) {
            return subscriptionCanceled(connection, tenant, provider, canceled);
        }
        if (event instanceof PaymentFailed failed) {
            return paymentFailed(connection, tenant, provider, failed);
        }
        return reversal(connection, tenant, provider, event);
    }

    /**
     * Whether the event was received before, read under a lock on its id held to the end of the transaction, so that
     * concurrent deliveries of one event are applied one after the other (both statements in one round trip; the
     * second reads after the lock is granted). A hash collision only makes two events wait for each other.
     */
    private static boolean receivedBefore(Connection connection, String tenantId, String provider, String eventId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ? || '/' || ?, 0));\n"
                + "SELECT 1 FROM billing_event WHERE tenant_id = ? AND provider = ? AND event_id = ?")) {
            bind(select, tenantId, provider, eventId, tenantId, provider, eventId).execute();
            if (!select.getMoreResults()) {
                throw new IllegalStateException("The look-up after the event's lock returned no rows");
            }
            try (ResultSet row = select.getResultSet()) {
                return row.next();
            }
        }
    }

    /** Writes the event's row with its outcome; false when its id was received before. */
    private boolean record(Connection connection, String tenantId, String provider, PaymentEvent event,
            Result result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_event (tenant_id, provider,"
                + " event_id, type, occurred_at, received_at, outcome, detail, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                + " ON CONFLICT (tenant_id, provider, event_id) DO NOTHING")) {
            return bind(insert, tenantId, provider, event.eventId(), type(event), event.occurredAt(), clock.instant(),
                    result.outcome().name(), result.detail(), content(event)).executeUpdate() == 1;
        }
    }

    private Result paymentSucceeded(Connection connection, Tenant tenant, String provider, PaymentSucceeded paid)
            throws SQLException {
        Optional<String> account = account(connection, tenant.id(), provider, paid.checkoutId(),
                paid.providerCustomerId());
        if (account.isEmpty()) {
            return unknownPayer(paid);
        }
        ledger.lockAccount(connection, tenant.id(), account.get());
        if (paymentExists(connection, tenant.id(), provider, paid.providerPaymentId())) {
            return new Result(Outcome.NO_CHANGE, "payment " + paid.providerPaymentId() + " recorded before");
        }
        Optional<CheckoutRecord> checkout = Checkouts.find(connection, tenant.id(), paid.checkoutId());
        String subscriptionId = null;
        if (paid.providerSubscriptionId() != null) {
            subscriptionId = ensureSubscription(connection, tenant.id(), provider, account.get(),
                    paid.providerSubscriptionId(), offerId(paid.offerId(), checkout), paid.period(),
                    paid.occurredAt());
        }
        PlanRenewals renewals = new PlanRenewals(ledger);
        Optional<Offer> offer = checkout.isPresent() ? checkout.map(CheckoutRecord::offer) : renewals.offer(connection,
                tenant, offerId(paid.offerId(), checkout, connection, tenant.id(), subscriptionId), subscriptionId);
        if (offer.isEmpty()) {
            return new Result(Outcome.UNMATCHED, "payment " + paid.providerPaymentId() + " names no known plan or"
                    + " top-up (" + paid.offerId() + ")");
        }
        String paymentId = "pay_" + compact(ids);
        boolean renewal = subscriptionId != null && subscriptionPaidBefore(connection, tenant.id(), account.get(),
                subscriptionId);
        // A plan's period grants its credits once: a payment inside a period already paid for (a provider invoicing
        // the proration of a plan change at once) is recorded, and the new plan's credits come with the next period.
        long credits = subscriptionId != null && periodCredited(connection, tenant.id(), subscriptionId,
                paid.period()) ? 0 : offer.get().credits();
        // The grant first, so the payment row is written once with it (one statement fewer per payment).
        String grantId = null;
        if (credits > 0) {
            Instant expires = PlanRenewals.expiry(tenant, offer.get(), paid);
            grantId = ledger.grant(connection, tenant.id(), account.get(), credits, offer.get().name(), expires,
                    "payment:" + paymentId).id();
        }
        insertPayment(connection, new NewPayment(tenant.id(), account.get(), provider, paymentId, credits, grantId),
                paid, checkout, subscriptionId, offer.get());
        if (offer.get().recurring()) {
            renewals.carryOver(connection, tenant, account.get(), subscriptionId, paymentId, offer.get(),
                    paid.period() == null ? null : paid.period().end());
        }
        if (checkout.isPresent()) {
            Checkouts.settle(connection, checkout.get().id(), CheckoutRecord.Status.PAID, clock.instant());
        }
        notices.queue(connection, tenant, new BillingNotice.Paid(account.get(), paymentId, offer.get().name(),
                new BillingNotice.Money(paid.amountMinor(), paid.currency()), credits, renewal,
                offer.get().recurring() && paid.period() != null ? paid.period().end() : null));
        return new Result(Outcome.APPLIED, "granted " + credits + " credits for " + offer.get().name() + " ("
                + paymentId + ")");
    }

    private Result subscriptionStarted(Connection connection, Tenant tenant, String provider,
            SubscriptionStarted started) throws SQLException {
        Optional<String> account = account(connection, tenant.id(), provider, started.checkoutId(),
                started.providerCustomerId());
        if (account.isEmpty()) {
            return unknownPayer(started);
        }
        Optional<CheckoutRecord> checkout = Checkouts.find(connection, tenant.id(), started.checkoutId());
        String offerId = offerId(started.offerId(), checkout);
        if (offerId == null) {
            return new Result(Outcome.UNMATCHED, "subscription " + started.providerSubscriptionId()
                    + " names no plan");
        }
        boolean created = findSubscription(connection, tenant.id(), provider, started.providerSubscriptionId())
                .isEmpty();
        ensureSubscription(connection, tenant.id(), provider, account.get(), started.providerSubscriptionId(),
                offerId, started.period(), started.occurredAt());
        if (checkout.isPresent()) {
            Checkouts.settle(connection, checkout.get().id(), CheckoutRecord.Status.PAID, clock.instant());
        }
        return new Result(created ? Outcome.APPLIED : Outcome.NO_CHANGE, "subscription "
                + started.providerSubscriptionId() + " to " + offerId + (created ? " started" : " known before"));
    }

    private Result subscriptionChanged(Connection connection, Tenant tenant, String provider,
            SubscriptionChanged changed) throws SQLException {
        Optional<SubscriptionRecord> existing = findSubscription(connection, tenant.id(), provider,
                changed.providerSubscriptionId());
        if (existing.isEmpty()) {
            Optional<String> account = account(connection, tenant.id(), provider, null, changed.providerCustomerId());
            if (account.isEmpty() || changed.offerId() == null) {
                return unknownPayer(changed);
            }
            ensureSubscription(connection, tenant.id(), provider, account.get(), changed.providerSubscriptionId(),
                    changed.offerId(), changed.period(), changed.occurredAt());
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE billing_subscription SET"
                + " offer_id = COALESCE(?, offer_id), period_start = COALESCE(?, period_start),"
                + " period_end = COALESCE(?, period_end), cancel_at_period_end = ?, changed_at = ?,"
                + " status = CASE WHEN status = 'PAST_DUE' THEN status ELSE 'ACTIVE' END"
                + " WHERE tenant_id = ? AND provider = ? AND provider_subscription_id = ?"
                + " AND status <> 'CANCELED' AND changed_at <= ?")) {
            Period period = changed.period();
            int rows = bind(update, changed.offerId(), period == null ? null : period.start(),
                    period == null ? null : period.end(), changed.cancelAtPeriodEnd(), changed.occurredAt(),
                    tenant.id(), provider, changed.providerSubscriptionId(), changed.occurredAt()).executeUpdate();
            // Told once per cancellation: when the flag turns on, not on every later change that keeps it on.
            if (rows == 1 && changed.cancelAtPeriodEnd()
                    && !existing.map(SubscriptionRecord::cancelAtPeriodEnd).orElse(false)) {
                SubscriptionRecord ending = findSubscription(connection, tenant.id(), provider,
                        changed.providerSubscriptionId()).orElseThrow();
                notices.queue(connection, tenant, new BillingNotice.CancelScheduled(ending.accountId(),
                        provider + ":" + changed.eventId(), planName(tenant, ending), ending.periodEnd()));
            }
            return rows == 1
                    ? new Result(Outcome.APPLIED, "subscription " + changed.providerSubscriptionId() + " changed")
                    : new Result(Outcome.NO_CHANGE, "subscription " + changed.providerSubscriptionId()
                            + " was canceled or changed later");
        }
    }

    private Result subscriptionCanceled(Connection connection, Tenant tenant, String provider,
            SubscriptionCanceled canceled) throws SQLException {
        Optional<SubscriptionRecord> existing = findSubscription(connection, tenant.id(), provider,
                canceled.providerSubscriptionId());
        if (existing.isEmpty()) {
            return unknownPayer(canceled);
        }
        if (existing.get().status() == SubscriptionRecord.Status.CANCELED) {
            return new Result(Outcome.NO_CHANGE, "subscription " + canceled.providerSubscriptionId()
                    + " was canceled before");
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE billing_subscription SET"
                + " status = 'CANCELED', cancel_at_period_end = false, changed_at = GREATEST(changed_at, ?)"
                + " WHERE id = ?")) {
            bind(update, canceled.occurredAt(), existing.get().id()).executeUpdate();
        }
        SubscriptionRecord ended = existing.get();
        Instant endedAt = canceled.endedAt() == null ? canceled.occurredAt() : canceled.endedAt();
        notices.queue(connection, tenant, new BillingNotice.SubscriptionCanceled(ended.accountId(), ended.id(),
                planName(tenant, ended), endedAt,
                ended.periodEnd() != null && ended.periodEnd().isAfter(endedAt) ? ended.periodEnd() : null));
        return new Result(Outcome.APPLIED, "subscription " + canceled.providerSubscriptionId() + " canceled");
    }

    private Result paymentFailed(Connection connection, Tenant tenant, String provider, PaymentFailed failed)
            throws SQLException {
        String checkoutFailed = null;
        if (failed.checkoutId() != null) {
            Optional<CheckoutRecord> checkout = Checkouts.find(connection, tenant.id(), failed.checkoutId());
            if (checkout.isPresent() && checkout.get().status() == CheckoutRecord.Status.OPEN) {
                Checkouts.settle(connection, checkout.get().id(), CheckoutRecord.Status.FAILED, clock.instant());
                checkoutFailed = checkout.get().offer().name();
            }
        }
        boolean pastDue = false;
        if (failed.providerSubscriptionId() != null) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE billing_subscription SET"
                    + " status = 'PAST_DUE', changed_at = ? WHERE tenant_id = ? AND provider = ?"
                    + " AND provider_subscription_id = ? AND status = 'ACTIVE' AND changed_at <= ?")) {
                pastDue = bind(update, failed.occurredAt(), tenant.id(), provider, failed.providerSubscriptionId(),
                        failed.occurredAt()).executeUpdate() == 1;
            }
        }
        boolean changed = checkoutFailed != null || pastDue;
        if (changed) {
            failedNotice(connection, tenant, provider, failed, checkoutFailed);
        }
        return new Result(changed ? Outcome.APPLIED : Outcome.NO_CHANGE, "payment failed: " + failed.reason());
    }

    /**
     * Tells the payer that a checkout ({@code checkoutOffer}) or else a plan's renewal failed. The provider's reason is
     * for the log only (see {@link PaymentFailed#reason()}), so it is not in the notice.
     */
    private void failedNotice(Connection connection, Tenant tenant, String provider, PaymentFailed failed,
            String checkoutOffer) throws SQLException {
        Optional<String> account = account(connection, tenant.id(), provider, failed.checkoutId(),
                failed.providerCustomerId());
        if (account.isEmpty()) {
            return;
        }
        String bought = checkoutOffer != null ? checkoutOffer : findSubscription(connection, tenant.id(), provider,
                failed.providerSubscriptionId()).map(s -> planName(tenant, s)).orElse(null);
        notices.queue(connection, tenant, new BillingNotice.PaymentFailed(account.get(),
                provider + ":" + failed.eventId(), bought, checkoutOffer == null));
    }

    private static String planName(Tenant tenant, SubscriptionRecord subscription) {
        return TenantOffers.find(tenant, subscription.offerId()).map(Offer::name).orElse(subscription.offerId());
    }

    /** Refunds and disputes: all about a payment recorded here. */
    private Result reversal(Connection connection, Tenant tenant, String provider, PaymentEvent event)
            throws SQLException {
        String tenantId = tenant.id();
        Reversals reversals = new Reversals(ledger, clock, ids);
        String paymentId = event instanceof Refunded r ? r.providerPaymentId()
                : event instanceof DisputeOpened o ? o.providerPaymentId()
                : ((DisputeClosed) event).providerPaymentId();
        Optional<Reversals.Paid> payment = reversals.payment(connection, tenantId,
                "provider = ? AND provider_payment_id = ?", provider, paymentId);
        if (payment.isEmpty()) {
            return new Result(Outcome.UNMATCHED, type(event) + " of a payment not known here (" + paymentId + ")");
        }
        if (event instanceof Refunded refunded) {
            Optional<RefundRecord> refund = reversals.succeeded(connection, tenantId, payment.get(),
                    refunded.providerRefundId(), refunded.refundId(), refunded.amountMinor(),
                    "Refunded at the payment provider");
            if (refund.isPresent()) {
                notices.queue(connection, tenant, refunded(payment.get(), refund.get(), refunded.currency()));
            }
            return refund.map(r -> new Result(Outcome.APPLIED, "refund " + r.id() + " took back "
                            + r.creditsReversed() + " credits (" + r.shortfall() + " owed)"))
                    .orElse(new Result(Outcome.NO_CHANGE, "refund " + refunded.providerRefundId() + " applied before"));
        }
        if (event instanceof DisputeOpened opened) {
            return reversals.disputeOpened(connection, tenantId, provider, payment.get(), opened.providerDisputeId())
                    ? new Result(Outcome.APPLIED, "dispute " + opened.providerDisputeId() + " opened")
                    : new Result(Outcome.NO_CHANGE, "dispute " + opened.providerDisputeId() + " known before");
        }
        DisputeClosed closed = (DisputeClosed) event;
        return reversals.disputeClosed(connection, tenantId, provider, payment.get(), closed.providerDisputeId(),
                closed.won())
                ? new Result(Outcome.APPLIED, "dispute " + closed.providerDisputeId()
                        + (closed.won() ? " won" : " lost"))
                : new Result(Outcome.NO_CHANGE, "dispute " + closed.providerDisputeId() + " not open");
    }

    /** The notice of a refund that was just applied to {@code payment}. */
    static BillingNotice refunded(Reversals.Paid payment, RefundRecord refund, String currency) {
        return new BillingNotice.Refunded(payment.accountId(), refund.id(), payment.description(),
                new BillingNotice.Money(refund.amountMinor(), currency), refund.creditsReversed(), refund.shortfall());
    }

    private static Result unknownPayer(PaymentEvent event) {
        return new Result(Outcome.UNMATCHED, type(event) + " for a customer or subscription not known here ("
                + event.providerCustomerId() + ")");
    }

    /** The paying account: from the checkout the event echoes, else from the provider's customer id. */
    private static Optional<String> account(Connection connection, String tenantId, String provider,
            String checkoutId, String customerId) throws SQLException {
        if (checkoutId != null) {
            Optional<CheckoutRecord> checkout = Checkouts.find(connection, tenantId, checkoutId);
            if (checkout.isPresent() && checkout.get().provider().equals(provider)) {
                return Optional.of(checkout.get().accountId());
            }
        }
        if (customerId == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT account_id FROM billing_customer"
                + " WHERE tenant_id = ? AND provider = ? AND provider_customer_id = ?")) {
            try (ResultSet row = bind(select, tenantId, provider, customerId).executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static String offerId(String named, Optional<CheckoutRecord> checkout) {
        return named != null ? named : checkout.map(c -> c.offer().id()).orElse(null);
    }

    private static String offerId(String named, Optional<CheckoutRecord> checkout, Connection connection,
            String tenantId, String subscriptionId) throws SQLException {
        String offerId = offerId(named, checkout);
        if (offerId != null || subscriptionId == null) {
            return offerId;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT offer_id FROM billing_subscription WHERE tenant_id = ? AND id = ?")) {
            try (ResultSet row = bind(select, tenantId, subscriptionId).executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Whether an earlier period of the subscription was paid, which makes this payment a renewal. */
    private static boolean subscriptionPaidBefore(Connection connection, String tenantId, String accountId,
            String subscriptionId) throws SQLException {
        // By account first, so the look-up reads the account's payments through their index.
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM billing_payment"
                + " WHERE tenant_id = ? AND account_id = ? AND subscription_id = ? LIMIT 1")) {
            try (ResultSet row = bind(select, tenantId, accountId, subscriptionId).executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean paymentExists(Connection connection, String tenantId, String provider,
            String providerPaymentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM billing_payment"
                + " WHERE tenant_id = ? AND provider = ? AND provider_payment_id = ?")) {
            try (ResultSet row = bind(select, tenantId, provider, providerPaymentId).executeQuery()) {
                return row.next();
            }
        }
    }

    /** Whether a payment of the subscription already granted credits for a period ending when {@code period} ends. */
    private static boolean periodCredited(Connection connection, String tenantId, String subscriptionId,
            Period period) throws SQLException {
        if (period == null) {
            return false;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM billing_payment WHERE tenant_id = ?"
                + " AND subscription_id = ? AND period_end = ? AND credits > 0")) {
            try (ResultSet row = bind(select, tenantId, subscriptionId, period.end()).executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Who paid whom through which provider, the payment's id here, the credits it bought and their grant
     * ({@code null}: none).
     */
    private record NewPayment(String tenantId, String accountId, String provider, String paymentId, long credits,
            String grantId) {}

    private void insertPayment(Connection connection, NewPayment row, PaymentSucceeded paid,
            Optional<CheckoutRecord> checkout, String subscriptionId, Offer offer) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_payment (id, tenant_id,"
                + " account_id, provider, provider_payment_id, checkout_id, subscription_id, offer_id, description,"
                + " amount_minor, currency, credits, period_start, period_end, paid_at, grant_entry_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Period period = paid.period();
            bind(insert, row.paymentId(), row.tenantId(), row.accountId(), row.provider(), paid.providerPaymentId(),
                    checkout.map(CheckoutRecord::id).orElse(null), subscriptionId, offer.id(), offer.name(),
                    paid.amountMinor(), paid.currency(), row.credits(), period == null ? null : period.start(),
                    period == null ? null : period.end(), paid.occurredAt(), row.grantId()).executeUpdate();
        }
    }

    /**
     * The subscription's id, creating it (ACTIVE) when it is new; a later period than the recorded one advances it and
     * makes a past-due subscription active again.
     */
    private String ensureSubscription(Connection connection, String tenantId, String provider, String accountId,
            String providerSubscriptionId, String offerId, Period period, Instant occurredAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_subscription (id, tenant_id,"
                + " account_id, provider, provider_subscription_id, offer_id, status, period_start, period_end,"
                + " changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, provider, provider_subscription_id) DO NOTHING")) {
            bind(insert, "sub_" + compact(ids), tenantId, accountId, provider, providerSubscriptionId,
                    offerId == null ? "" : offerId, period == null ? null : period.start(),
                    period == null ? null : period.end(), occurredAt, clock.instant()).executeUpdate();
        }
        if (period != null) {
            try (PreparedStatement advance = connection.prepareStatement("UPDATE billing_subscription SET"
                    + " period_start = ?, period_end = ?, status = 'ACTIVE' WHERE tenant_id = ? AND provider = ?"
                    + " AND provider_subscription_id = ? AND status <> 'CANCELED'"
                    + " AND (period_end IS NULL OR period_end < ?)")) {
                bind(advance, period.start(), period.end(), tenantId, provider, providerSubscriptionId, period.end())
                        .executeUpdate();
            }
        }
        return findSubscription(connection, tenantId, provider, providerSubscriptionId).orElseThrow().id();
    }

    static Optional<SubscriptionRecord> findSubscription(Connection connection, String tenantId, String provider,
            String providerSubscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM billing_subscription"
                + " WHERE tenant_id = ? AND provider = ? AND provider_subscription_id = ?")) {
            try (ResultSet row = bind(select, tenantId, provider, providerSubscriptionId).executeQuery()) {
                return row.next() ? Optional.of(subscription(row)) : Optional.empty();
            }
        }
    }

    static SubscriptionRecord subscription(ResultSet row) throws SQLException {
        return new SubscriptionRecord(row.getString("id"), row.getString("account_id"), row.getString("provider"),
                row.getString("provider_subscription_id"), row.getString("offer_id"),
                SubscriptionRecord.Status.valueOf(row.getString("status")), instant(row, "period_start"),
                instant(row, "period_end"), row.getBoolean("cancel_at_period_end"), instant(row, "created_at"));
    }

    static String compact(UuidV7 ids) {
        return ids.next().toString().replace("-", "");
    }

    private static String type(PaymentEvent event) {
        return event.getClass().getSimpleName();
    }

    private static String content(PaymentEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A payment event could not be written as JSON", e);
        }
    }
}
