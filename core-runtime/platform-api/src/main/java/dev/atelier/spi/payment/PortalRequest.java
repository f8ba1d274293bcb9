package dev.atelier.spi.payment;

import java.net.URI;
import java.util.Objects;

/**
 * A billing-portal session the host asks for.
 *
 * @param providerCustomerId the vendor's customer
 * @param returnUrl where the portal sends the customer back ({@code /account/billing} on the tenant's site)
 */
public record PortalRequest(String providerCustomerId, URI returnUrl) {

    public PortalRequest {
        Objects.requireNonNull(providerCustomerId, "providerCustomerId");
        Objects.requireNonNull(returnUrl, "returnUrl");
    }
}
