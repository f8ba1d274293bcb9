package dev.atelier.spi.payment;

import java.util.Objects;

/**
 * A refund the host asks for.
 *
 * @param refundId the host's id for it ({@code rfd_...}): the vendor's idempotency key, and returned in the
 *     {@link PaymentEvent.Refunded} event it causes
 * @param providerPaymentId the vendor's payment to refund (from {@link PaymentEvent.PaymentSucceeded})
 * @param amountMinor how much to give back, in minor units: all of the payment or a part of it
 * @param currency the payment's currency
 * @param reason why, for the vendor's records (the tenant admin's words), may be empty
 */
public record RefundRequest(String refundId, String providerPaymentId, long amountMinor, String currency,
        String reason) {

    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(providerPaymentId, "providerPaymentId");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 1) {
            throw new IllegalArgumentException("amountMinor must be at least 1, was " + amountMinor);
        }
        reason = reason == null ? "" : reason;
    }
}
