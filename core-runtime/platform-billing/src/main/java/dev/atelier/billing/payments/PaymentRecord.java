package dev.atelier.billing.payments;

import java.time.Instant;

/**
 * A payment that arrived, with the credits it granted.
 *
 * @param description what was bought, for receipts ("Creator plan", "200 credits")
 * @param periodStart the subscription period paid for, or {@code null} for a top-up
 */
public record PaymentRecord(String id, String accountId, String provider, String providerPaymentId,
        String checkoutId, String subscriptionId, String offerId, String description, long amountMinor,
        String currency, long credits, Instant periodStart, Instant periodEnd, long refundedMinor, Instant paidAt) {}
