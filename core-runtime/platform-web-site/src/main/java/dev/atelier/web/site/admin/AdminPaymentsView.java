package dev.atelier.web.site.admin;

import dev.atelier.billing.payments.RefundRecord;
import dev.atelier.billing.payments.TenantPayment;
import dev.atelier.billing.payments.TenantSubscription;
import dev.atelier.web.pages.Prices;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The typed data {@code admin/payments.ftlh} receives. */
public final class AdminPaymentsView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * {@code /admin/payments}.
     *
     * @param kind {@code plan}, {@code top-up} or empty for both
     * @param notice what the refund just asked for did, or {@code null}
     */
    public record Page(String query, String kind, List<Payment> payments, Notice notice, int pageSize, int maxReason) {}

    /**
     * One payment.
     *
     * @param refunded what was refunded so far, or {@code null} for nothing
     * @param left what may still be refunded, formatted; {@code null} when nothing is
     * @param leftTyped the same as an admin types it ({@code 5.50})
     * @param form the refused refund form of this payment, or {@code null}
     * @param nonce the refund form's one-time key
     */
    public record Payment(String id, String date, String paidAt, String buyer, String description, String kind,
            String amount, long credits, String refunded, String left, String leftTyped, List<Refund> refunds,
            Form form, String nonce) {}

    /**
     * One refund of a payment.
     *
     * @param taken credits taken back from the buyer's balance
     * @param owed credits the buyer had spent, which they now owe
     * @param by who asked for it: an admin's email, or the payment provider
     */
    public record Refund(String date, String amount, long taken, long owed, String status, String reason, String by) {}

    /**
     * A refused refund form: what was typed and what is wrong, by field ({@code amount}, {@code reason}, {@code form}).
     *
     * @param nonce the form's key, kept so that correcting and resending it still refunds at most once
     */
    public record Form(String amount, String reason, Map<String, String> errors, String nonce) {}

    /**
     * One of the tenant's running subscriptions, in test mode (where the admin can advance it to its next period).
     *
     * @param ends whether it ends at {@code periodEnd} instead of renewing
     */
    public record Subscription(String id, String buyer, String plan, String status, String periodEnd, boolean ends) {}

    /** What a refund did, after the redirect. */
    public record Notice(String amount, String description, long taken, long owed, boolean pending, boolean failed) {}

    private AdminPaymentsView() {}

    static Payment payment(TenantPayment tenantPayment, Function<String, String> who, Form form, String nonce) {
        var p = tenantPayment.payment();
        long left = tenantPayment.refundable();
        return new Payment(p.id(), DATE.format(p.paidAt()), p.paidAt().toString(),
                tenantPayment.buyerEmail() == null ? "(erased account)" : tenantPayment.buyerEmail(),
                p.description(), tenantPayment.kind() == TenantPayment.Kind.PLAN ? "Plan" : "Top-up",
                Prices.format(p.amountMinor(), p.currency()), p.credits(),
                p.refundedMinor() == 0 ? null : Prices.format(p.refundedMinor(), p.currency()),
                left == 0 ? null : Prices.format(left, p.currency()), MoneyInput.typed(left, p.currency()),
                tenantPayment.refunds().stream().map(r -> refund(r, p.currency(), who)).toList(), form,
                form != null ? form.nonce() : nonce);
    }

    static Subscription subscription(TenantSubscription tenantSubscription, String planName) {
        var s = tenantSubscription.subscription();
        return new Subscription(s.id(), tenantSubscription.buyerEmail() == null ? "(erased account)"
                : tenantSubscription.buyerEmail(), planName, s.status().name().toLowerCase(Locale.ROOT)
                .replace('_', ' '), date(s.periodEnd()), s.cancelAtPeriodEnd());
    }

    static Notice notice(RefundRecord refund, TenantPayment payment) {
        return new Notice(Prices.format(refund.amountMinor(), payment.payment().currency()),
                payment.payment().description(), refund.creditsReversed() - refund.shortfall(), refund.shortfall(),
                refund.status() == RefundRecord.Status.PENDING, refund.status() == RefundRecord.Status.FAILED);
    }

    private static Refund refund(RefundRecord refund, String currency, Function<String, String> who) {
        return new Refund(date(refund.createdAt()), Prices.format(refund.amountMinor(), currency),
                refund.creditsReversed() - refund.shortfall(), refund.shortfall(),
                refund.status().name().toLowerCase(Locale.ROOT), refund.reason(),
                refund.requestedBy() == null ? "At the payment provider" : who.apply(refund.requestedBy()));
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
