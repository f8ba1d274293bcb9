package dev.atelier.billing.payments;

import java.util.List;

/**
 * A payment as the tenant's admins see it: who paid and every refund asked for, oldest first.
 *
 * @param buyerEmail the paying account's email, or {@code null} when the account was erased (payments outlive it)
 */
public record TenantPayment(PaymentRecord payment, String buyerEmail, List<RefundRecord> refunds) {

    /** What a payment bought. */
    public enum Kind {
        /** One period of a subscription to a plan. */
        PLAN,
        /** Credits bought once. */
        TOP_UP
    }

    public TenantPayment {
        refunds = List.copyOf(refunds);
    }

    public Kind kind() {
        return payment.subscriptionId() == null ? Kind.TOP_UP : Kind.PLAN;
    }

    /**
     * Money that may still be refunded: what neither a refund (succeeded or pending; a failed one gives its amount
     * back) nor a lost dispute took.
     */
    public long refundable() {
        long claimed = refunds.stream().filter(r -> r.status() != RefundRecord.Status.FAILED)
                .mapToLong(RefundRecord::amountMinor).sum();
        return Math.max(0, payment.amountMinor() - Math.max(claimed, payment.refundedMinor()));
    }
}
