package dev.atelier.spi.payment;

import java.util.Objects;

/**
 * A refund as the vendor answered it.
 *
 * @param providerRefundId the vendor's id for the refund
 * @param status where it stands; a pending refund is settled by a later {@link PaymentEvent.Refunded} event or by
 *     {@link PaymentProvider#lookUp}
 */
public record Refund(String providerRefundId, Status status) {

    /** Where a refund stands at the vendor. */
    public enum Status {
        SUCCEEDED, PENDING, FAILED
    }

    public Refund {
        Objects.requireNonNull(providerRefundId, "providerRefundId");
        Objects.requireNonNull(status, "status");
    }
}
