package dev.atelier.spi.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * The person paying, as the host knows them.
 *
 * @param accountId the host's account id; use it as the idempotency key when creating the vendor's customer, and
 *     store it on the customer (metadata) so events can name the account
 * @param email the account's confirmed email, for receipts the vendor sends
 * @param providerCustomerId the vendor's customer id from an earlier checkout, or {@code null} on the first one
 */
public record Customer(String accountId, String email, String providerCustomerId) {

    public Customer {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
    }

    public Optional<String> existing() {
        return Optional.ofNullable(providerCustomerId).filter(c -> !c.isBlank());
    }
}
