package dev.atelier.spi.payment;

import java.util.Objects;

/**
 * Something the host holds as pending and asks the vendor about ({@link PaymentProvider#lookUp}).
 *
 * @param kind what it is
 * @param providerId the vendor's id for it: a checkout, a subscription or a refund
 * @param hostId the host's id for it ({@code chk_...}, {@code sub_...}, {@code rfd_...}), to put in the events
 */
public record PendingReference(Kind kind, String providerId, String hostId) {

    /** What is pending. */
    public enum Kind {
        /** A checkout the customer may have paid. */
        CHECKOUT,
        /** A subscription whose current period may have been paid, changed or canceled. */
        SUBSCRIPTION,
        /** A refund the vendor had not finished. */
        REFUND
    }

    public PendingReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(hostId, "hostId");
    }
}
