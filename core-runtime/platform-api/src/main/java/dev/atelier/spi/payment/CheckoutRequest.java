package dev.atelier.spi.payment;

import java.net.URI;

/**
 * A checkout the host asks for.
 *
 * @param checkoutId the host's id for this checkout ({@code chk_...}): pass it as the vendor's idempotency key and
 *     as the checkout's client reference, and return it in {@link PaymentEvent#checkoutId()} of the events it causes
 * @param offer what is bought
 * @param customer who pays
 * @param successUrl where the vendor sends the customer after paying
 * @param cancelUrl where the vendor sends the customer who gives up
 */
public record CheckoutRequest(String checkoutId, Offer offer, Customer customer, URI successUrl, URI cancelUrl) {

    public CheckoutRequest {
        if (checkoutId == null || offer == null || customer == null || successUrl == null || cancelUrl == null) {
            throw new NullPointerException("A checkout request needs its id, offer, customer and both return URLs");
        }
    }
}
