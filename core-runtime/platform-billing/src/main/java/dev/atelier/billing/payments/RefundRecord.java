package dev.atelier.billing.payments;

import java.time.Instant;

/**
 * A refund of all or part of a payment.
 *
 * @param creditsReversed the credits it took back (or, where they were spent, added to what the account owes)
 * @param shortfall the part of {@code creditsReversed} that was owed rather than taken
 * @param requestedBy the admin's account id, or {@code null} for a refund made at the provider directly
 */
public record RefundRecord(String id, String paymentId, long amountMinor, Status status, long creditsReversed,
        long shortfall, String reason, String requestedBy, Instant createdAt) {

    /** Where a refund stands. */
    public enum Status {
        PENDING, SUCCEEDED, FAILED
    }
}
