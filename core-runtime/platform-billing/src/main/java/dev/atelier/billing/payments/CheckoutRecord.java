package dev.atelier.billing.payments;

import dev.atelier.spi.payment.Offer;
import java.net.URI;
import java.time.Instant;

/**
 * A checkout as the platform keeps it.
 *
 * @param offer what is bought, as it was when the checkout started
 * @param url where the buyer pays; {@code null} until the provider answered
 */
public record CheckoutRecord(String id, String tenantId, String accountId, String provider, Offer offer,
        Status status, String providerCheckoutId, String providerCustomerId, URI url, Instant createdAt) {

    /** Where a checkout stands. */
    public enum Status {
        OPEN, PAID, FAILED, EXPIRED
    }
}
