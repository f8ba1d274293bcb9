package dev.atelier.spi.payment;

import java.net.URI;
import java.util.Objects;

/**
 * A checkout opened at the vendor.
 *
 * @param providerCheckoutId the vendor's id for it (the host looks it up with when no webhook comes)
 * @param url where to send the customer to pay: absolute at the vendor, or a path on the tenant's own site for a
 *     provider whose checkout page the platform serves (the sandbox)
 * @param providerCustomerId the vendor's id for the customer, new or given
 */
public record Checkout(String providerCheckoutId, URI url, String providerCustomerId) {

    public Checkout {
        Objects.requireNonNull(providerCheckoutId, "providerCheckoutId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(providerCustomerId, "providerCustomerId");
    }
}
