package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;
import static dev.atelier.billing.payments.Sql.instant;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a payment without a checkout (a renewal) grants, and how long credits last.
 *
 * <p>A renewal is priced by the plan as the tenant lists it now, archived or not. A plan removed from the tenant's
 * configuration while subscribers remain is priced by the subscription's previous payment instead (its credits and
 * description), so the subscriber keeps receiving what they bought; such a plan carries no credits over.
 */
record PlanRenewals(CreditLedger ledger) {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRenewals.class);

    /** Periods longer than this are read as yearly when a removed plan's interval is judged from its last period. */
    private static final Duration LONGEST_MONTH = Duration.ofDays(45);

    /** A subscription's previous payment: what it granted, and the grant that carries its credits. */
    private record Previous(String paymentId, String grantEntryId, Offer offer) {}

    /** The offer {@code offerId} as the tenant lists it, else as the subscription's previous payment bought it. */
    Optional<Offer> offer(Connection connection, Tenant tenant, String offerId, String subscriptionId)
            throws SQLException {
        Optional<Offer> listed = offerId == null ? Optional.empty() : TenantOffers.resolve(tenant, offerId);
        if (listed.isPresent() || subscriptionId == null) {
            return listed;
        }
        Optional<Offer> bought = previous(connection, tenant.id(), subscriptionId, "").map(Previous::offer);
        // Kept for an operator to find: the tenant removed a plan that still has subscribers.
        bought.ifPresent(offer -> LOG.warn("Tenant {} no longer lists plan {}; subscription {} renews with the {}"
                + " credits its previous payment granted", tenant.slug(), offerId, subscriptionId, offer.credits()));
        return bought;
    }

    /**
     * When the credits of {@code offer} paid by {@code paid} expire: a plan's at its period end, a top-up's after its
     * {@code valid_days}, else never.
     */
    static Instant expiry(Tenant tenant, Offer offer, PaymentSucceeded paid) {
        if (offer.recurring()) {
            return paid.period() == null ? null : paid.period().end();
        }
        return TenantOffers.plan(tenant, offer.id()).map(TenantSettings.Plan::validDays)
                .map(days -> paid.occurredAt().plus(Duration.ofDays(days))).orElse(null);
    }

    /**
     * Carries the unused credits of the subscription's previous period (its plan grant and what was carried into it)
     * into the period {@code paymentId} paid for, up to the plan's {@code rollover}, expiring with the new period.
     */
    void carryOver(Connection connection, Tenant tenant, String accountId, String subscriptionId, String paymentId,
            Offer offer, Instant periodEnd) throws SQLException {
        long max = TenantOffers.plan(tenant, offer.id()).map(TenantSettings.Plan::rolloverMax)
                .orElse(TenantSettings.Plan.NO_ROLLOVER);
        if (max == TenantSettings.Plan.NO_ROLLOVER || subscriptionId == null || periodEnd == null) {
            return;
        }
        Optional<Previous> previous = previous(connection, tenant.id(), subscriptionId, paymentId);
        if (previous.isEmpty() || previous.get().grantEntryId() == null) {
            return;
        }
        List<String> from = new java.util.ArrayList<>(List.of(previous.get().grantEntryId()));
        carried(connection, tenant.id(), previous.get().paymentId()).ifPresent(from::add);
        ledger.rollover(connection, tenant.id(), accountId, from, max, offer.name() + ": unused credits carried over",
                periodEnd, "rollover:" + paymentId);
    }

    private static Optional<String> carried(Connection connection, String tenantId, String paymentId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM credit_entry WHERE tenant_id = ?"
                + " AND idempotency_key = ?")) {
            try (ResultSet row = bind(select, tenantId, "grant:rollover:" + paymentId).executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The subscription's newest payment other than {@code exceptPaymentId}. */
    private static Optional<Previous> previous(Connection connection, String tenantId, String subscriptionId,
            String exceptPaymentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, grant_entry_id, offer_id, description,"
                + " amount_minor, currency, credits, period_start, period_end FROM billing_payment"
                + " WHERE tenant_id = ? AND subscription_id = ? AND id <> ? ORDER BY paid_at DESC, id DESC LIMIT 1")) {
            try (ResultSet row = bind(select, tenantId, subscriptionId, exceptPaymentId).executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Instant start = instant(row, "period_start");
                Instant end = instant(row, "period_end");
                boolean yearly = start != null && end != null && Duration.between(start, end)
                        .compareTo(LONGEST_MONTH) > 0;
                Offer offer = new Offer(row.getString("offer_id"), row.getString("description"),
                        yearly ? Offer.Interval.YEAR : Offer.Interval.MONTH, Math.max(1, row.getLong("amount_minor")),
                        row.getString("currency"), row.getLong("credits"), null);
                return Optional.of(new Previous(row.getString("id"), row.getString("grant_entry_id"), offer));
            }
        }
    }
}
