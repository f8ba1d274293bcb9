package dev.atelier.payment.sandbox.internal;

import dev.atelier.spi.payment.PaymentEvent.Period;

/**
 * The simulated vendor's ids, each derived from the host's own id: the sandbox keeps no state, and an answer asked for
 * twice names the same things, which is what a real vendor's idempotency keys give.
 */
final class SandboxIds {

    private SandboxIds() {}

    static String checkout(String checkoutId) {
        return "sbx_cs_" + checkoutId;
    }

    static String customer(String accountId) {
        return "sbx_cus_" + accountId;
    }

    /** The subscription of a plan's checkout when the host named none. */
    static String subscription(String checkoutId) {
        return "sbx_sub_" + checkoutId;
    }

    /** The single payment of a top-up's checkout. */
    static String topUpPayment(String checkoutId) {
        return "sbx_pay_" + checkoutId;
    }

    /** The payment of one period of a subscription, its first or a renewal. */
    static String periodPayment(String subscriptionId, Period period) {
        return "sbx_pay_" + subscriptionId + "_" + period.start().getEpochSecond();
    }

    static String refund(String refundId) {
        return "sbx_re_" + refundId;
    }
}
