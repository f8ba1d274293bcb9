package dev.atelier.billing.payments;

import java.time.Instant;

/** A subscription as the platform keeps it; {@code periodStart}/{@code periodEnd} are the current paid period. */
public record SubscriptionRecord(String id, String accountId, String provider, String providerSubscriptionId,
        String offerId, Status status, Instant periodStart, Instant periodEnd, boolean cancelAtPeriodEnd,
        Instant createdAt) {

    /** Where a subscription stands. */
    public enum Status {
        ACTIVE, PAST_DUE, CANCELED
    }
}
