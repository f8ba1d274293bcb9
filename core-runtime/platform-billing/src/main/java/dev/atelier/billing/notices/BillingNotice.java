package dev.atelier.billing.notices;

import java.time.Instant;

/** One thing an account's owner is told about their billing. Each names itself by {@link #key()}. */
public sealed interface BillingNotice {

    /** Whose billing it is about. */
    String accountId();

    /** Names this notice by what it is about; the same key queued twice is sent once. */
    String key();

    /** Money for people: an amount in minor units of a currency (ISO 4217, either case). */
    record Money(long minor, String currency) {}

    /**
     * A payment arrived and granted credits: a receipt for a purchase or top-up, or the renewal of a plan.
     *
     * @param renewal whether it paid a later period of a subscription that had been paid before
     * @param nextRenewal when a plan renews next (the end of the paid period), or {@code null} for a top-up
     */
    record Paid(String accountId, String paymentId, String description, Money amount, long credits,
            boolean renewal, Instant nextRenewal) implements BillingNotice {
        @Override
        public String key() {
            return "billing:paid:" + paymentId;
        }
    }

    /**
     * A payment did not go through: a declined checkout or a plan's renewal the card could not pay.
     *
     * @param eventKey names the provider's event that reported it
     * @param description what was being bought, or the plan whose renewal failed; {@code null} when unknown
     * @param renewal whether it was a plan's renewal (the plan is past due) rather than a checkout
     */
    record PaymentFailed(String accountId, String eventKey, String description, boolean renewal)
            implements BillingNotice {
        @Override
        public String key() {
            return "billing:failed:" + eventKey;
        }
    }

    /**
     * The owner canceled a plan to end with its paid period: it stays until then.
     *
     * @param eventKey names the provider's event that reported it
     * @param endsAt when the plan ends (its paid period's end), or {@code null} when not known
     */
    record CancelScheduled(String accountId, String eventKey, String planName, Instant endsAt)
            implements BillingNotice {
        @Override
        public String key() {
            return "billing:cancel-scheduled:" + eventKey;
        }
    }

    /**
     * A plan ended.
     *
     * @param endedAt when it ended
     * @param creditsUntil when the credits of its last paid period expire, or {@code null} when they already have
     */
    record SubscriptionCanceled(String accountId, String subscriptionId, String planName, Instant endedAt,
            Instant creditsUntil) implements BillingNotice {
        @Override
        public String key() {
            return "billing:canceled:" + subscriptionId;
        }
    }

    /**
     * Money of a payment went back to the payer.
     *
     * @param creditsTakenBack the credits the refunded part bought, taken back from the balance or owed
     * @param owed the part of {@code creditsTakenBack} already spent, which the account's next credits settle
     */
    record Refunded(String accountId, String refundId, String description, Money amount, long creditsTakenBack,
            long owed) implements BillingNotice {
        @Override
        public String key() {
            return "billing:refunded:" + refundId;
        }
    }

    /**
     * A generation's spend took the balance below the tenant's low-balance threshold.
     *
     * @param spendId the ledger entry (capture) that crossed the threshold
     */
    record LowBalance(String accountId, String spendId, long balance, long threshold) implements BillingNotice {
        @Override
        public String key() {
            return "billing:low-balance:" + spendId;
        }
    }
}
