package dev.atelier.spi.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * What a customer buys: one of the tenant's plans (billed every {@link #interval()}) or a top-up pack (paid once).
 * Prices are integer minor units ({@code 1900} is 19.00 in {@code usd}); a tenant has one currency.
 *
 * @param id the tenant's id for the offer, for example {@code creator} or {@code pack-500}
 * @param name what the customer sees at checkout, for example {@code "Creator plan"}
 * @param interval how often a plan is billed; {@link Interval#ONCE} for a top-up
 * @param amountMinor price per interval in minor units, at least 1
 * @param currency ISO 4217 code in lower case, for example {@code usd}
 * @param credits credits granted per paid interval (a plan) or once (a top-up)
 * @param providerPriceId the vendor's existing price for this offer, when the tenant mapped one; otherwise the
 *     provider creates or finds a price from the amount, currency and interval
 */
public record Offer(String id, String name, Interval interval, long amountMinor, String currency, long credits,
        String providerPriceId) {

    /** How often an offer is paid. */
    public enum Interval {
        ONCE, MONTH, YEAR
    }

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 1) {
            throw new IllegalArgumentException("amountMinor must be at least 1, was " + amountMinor);
        }
    }

    /** Whether this is a plan (a subscription) rather than a one-time top-up. */
    public boolean recurring() {
        return interval != Interval.ONCE;
    }

    /** The mapped vendor price, if the tenant gave one. */
    public Optional<String> mappedPrice() {
        return Optional.ofNullable(providerPriceId).filter(p -> !p.isBlank());
    }
}
