package dev.atelier.spi.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened at the vendor, normalized: what {@link PaymentProvider#parseWebhook} and
 * {@link PaymentProvider#lookUp} return, and what the host applies (once, in whatever order they arrive).
 *
 * <p>Every event names the vendor's {@link #eventId()} (the host stores each one and ignores a second delivery) and
 * when it happened. The references an event carries are how the host finds what it is about: the host's own
 * {@code checkoutId} when the vendor echoes it back (a checkout's client reference), otherwise the vendor's customer,
 * subscription and payment ids it recorded earlier. Pass every reference the vendor's event has; {@code null} where it
 * has none.
 *
 * <p>There is no "renewed" event of its own: a subscription's renewal is a {@link PaymentSucceeded} for a later
 * {@link Period}; the host grants a plan's credits once per paid period.
 */
public sealed interface PaymentEvent {

    /** The vendor's id of the event; a second event with the same id changes nothing. */
    String eventId();

    /** When it happened at the vendor (orders events that arrive out of order). */
    Instant occurredAt();

    /** The vendor's id of the customer, or {@code null}. */
    String providerCustomerId();

    /** The host's checkout id ({@code chk_...}) this event results from, when the vendor echoes it; else {@code null}. */
    default String checkoutId() {
        return null;
    }

    /** A billing period of a subscription, {@code start} inclusive, {@code end} exclusive. */
    record Period(Instant start, Instant end) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("A period ends after it starts: " + start + " to " + end);
            }
        }
    }

    /**
     * A subscription began (its checkout completed). Credits come with the period's {@link PaymentSucceeded}.
     *
     * @param offerId the tenant's plan id
     */
    record SubscriptionStarted(String eventId, Instant occurredAt, String checkoutId, String providerCustomerId,
            String providerSubscriptionId, String offerId, Period period) implements PaymentEvent {}

    /**
     * Money arrived: a top-up's single payment, or one period of a subscription (the first or a renewal).
     *
     * @param providerPaymentId the vendor's payment, which refunds and disputes name later
     * @param offerId the tenant's plan or top-up id, when the vendor's event names it (metadata or price)
     * @param providerSubscriptionId the subscription paid for; {@code null} for a top-up
     * @param period the subscription period paid for; {@code null} for a top-up
     */
    record PaymentSucceeded(String eventId, Instant occurredAt, String checkoutId, String providerCustomerId,
            String providerPaymentId, long amountMinor, String currency, String offerId,
            String providerSubscriptionId, Period period) implements PaymentEvent {}

    /**
     * A payment did not go through: a declined checkout, or a renewal the vendor could not collect (it usually
     * retries; the subscription stays until it is canceled).
     *
     * @param reason the vendor's words, for the log and the admin; not shown to the customer
     */
    record PaymentFailed(String eventId, Instant occurredAt, String checkoutId, String providerCustomerId,
            String providerSubscriptionId, String reason) implements PaymentEvent {}

    /**
     * A subscription changed: another plan (upgrade or downgrade), a new period, or a cancellation scheduled for the
     * period's end (or taken back).
     */
    record SubscriptionChanged(String eventId, Instant occurredAt, String providerCustomerId,
            String providerSubscriptionId, String offerId, Period period, boolean cancelAtPeriodEnd)
            implements PaymentEvent {}

    /** A subscription ended; no more periods are granted. */
    record SubscriptionCanceled(String eventId, Instant occurredAt, String providerCustomerId,
            String providerSubscriptionId, Instant endedAt) implements PaymentEvent {}

    /**
     * Money went back: one refund of a payment (a payment refunded in two parts gives two events).
     *
     * @param refundId the host's refund id when the refund was asked for through {@link PaymentProvider#refund};
     *     {@code null} for a refund made at the vendor directly
     * @param amountMinor this refund's amount
     */
    record Refunded(String eventId, Instant occurredAt, String providerCustomerId, String providerPaymentId,
            String providerRefundId, String refundId, long amountMinor, String currency) implements PaymentEvent {}

    /** The payer's bank disputes a payment; the host freezes the credits it bought until the dispute closes. */
    record DisputeOpened(String eventId, Instant occurredAt, String providerCustomerId, String providerPaymentId,
            String providerDisputeId, long amountMinor, String currency) implements PaymentEvent {}

    /**
     * A dispute ended: {@code won} gives the frozen credits back; lost, the money is gone and so are the credits.
     */
    record DisputeClosed(String eventId, Instant occurredAt, String providerCustomerId, String providerPaymentId,
            String providerDisputeId, boolean won) implements PaymentEvent {}
}
