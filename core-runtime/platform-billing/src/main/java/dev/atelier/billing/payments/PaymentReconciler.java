package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PendingReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what webhooks left pending (webhooks get lost; the ledger must not): checkouts still open and refunds still
 * pending after {@link Limits#settleAfter} are looked up at the tenant's provider, and the events its answer implies
 * are applied exactly as the webhook's would have been (the same once-only rules, so a webhook arriving later changes
 * nothing). A checkout nobody paid within {@link Limits#expireAfter} is marked expired.
 */
public final class PaymentReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciler.class);
    private static final int BATCH = 100;

    /**
     * @param settleAfter how long a checkout or refund may stay pending before the provider is asked about it
     * @param expireAfter how long an unpaid checkout stays open
     */
    public record Limits(Duration settleAfter, Duration expireAfter) {
        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(30), Duration.ofHours(24));
        }
    }

    /** What one pass did. */
    public record Pass(int lookedUp, int applied, int expired) {}

    private record Pending(String tenantId, String provider, PendingReference reference, Instant createdAt) {}

    private final Payments payments;
    private final Function<String, Optional<Tenant>> tenants;
    private final Limits limits;

    /** @param tenants finds a tenant by id */
    public PaymentReconciler(Payments payments, Function<String, Optional<Tenant>> tenants, Limits limits) {
        this.payments = payments;
        this.tenants = tenants;
        this.limits = limits;
    }

    /** One pass over what is pending; safe to run on several nodes at once (applying is once-only). */
    public Pass run() {
        Instant now = payments.clock().instant();
        int lookedUp = 0;
        int applied = 0;
        int expired = 0;
        for (Pending pending : pending(now.minus(limits.settleAfter()))) {
            Optional<Tenant> tenant = tenants.apply(pending.tenantId());
            if (tenant.isEmpty()) {
                continue;
            }
            lookedUp++;
            List<PaymentEvent> events = payments.lookUp(tenant.get(), pending.provider(), pending.reference());
            applied += (int) payments.apply(tenant.get(), pending.provider(), events).stream()
                    .filter(e -> e.outcome() == AppliedEvent.Outcome.APPLIED).count();
            if (events.isEmpty() && pending.reference().kind() == PendingReference.Kind.CHECKOUT
                    && pending.createdAt().isBefore(now.minus(limits.expireAfter()))) {
                expired += expire(pending.reference().hostId(), now);
            }
        }
        if (lookedUp > 0) {
            LOG.info("Payment reconciler looked up {} pending items: {} events applied, {} checkouts expired",
                    lookedUp, applied, expired);
        }
        return new Pass(lookedUp, applied, expired);
    }

    private List<Pending> pending(Instant before) {
        return payments.transactions().run("finding pending payments", connection -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT tenant_id, provider, 'CHECKOUT', provider_checkout_id, id, created_at
                      FROM billing_checkout
                     WHERE status = 'OPEN' AND provider_checkout_id IS NOT NULL AND created_at < ?
                    UNION ALL
                    SELECT r.tenant_id, p.provider, 'REFUND', r.provider_refund_id, r.id, r.created_at
                      FROM billing_refund r JOIN billing_payment p ON p.id = r.payment_id
                     WHERE r.status = 'PENDING' AND r.provider_refund_id IS NOT NULL AND r.created_at < ?
                     ORDER BY 6 LIMIT ?""")) {
                try (ResultSet row = bind(select, before, before, BATCH).executeQuery()) {
                    while (row.next()) {
                        out.add(new Pending(row.getString(1), row.getString(2), new PendingReference(
                                PendingReference.Kind.valueOf(row.getString(3)), row.getString(4), row.getString(5)),
                                Sql.instant(row, "created_at")));
                    }
                }
            }
            return out;
        });
    }

    private int expire(String checkoutId, Instant now) {
        return payments.transactions().run("expiring a checkout", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE billing_checkout SET status ="
                    + " 'EXPIRED', updated_at = ? WHERE id = ? AND status = 'OPEN'")) {
                return bind(update, now, checkoutId).executeUpdate();
            }
        });
    }
}
