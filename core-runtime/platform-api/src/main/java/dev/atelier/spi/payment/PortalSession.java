package dev.atelier.spi.payment;

import java.net.URI;
import java.util.Objects;

/** A billing-portal session: where to send the customer. */
public record PortalSession(URI url) {

    public PortalSession {
        Objects.requireNonNull(url, "url");
    }
}
