package dev.atelier.payment.stripe.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceUpdateParams;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentException;
import java.util.List;
import java.util.Locale;

/**
 * The Stripe price of a plan. A plan needs a price object at Stripe (not inline price data): the Billing Portal moves a
 * subscription between prices, and a subscription's price is how its events name the plan after such a move. So
 * every price the bundle bills a plan at carries the plan's id in its metadata ({@link Metadata#OFFER}):
 *
 * <ul>
 *   <li>the tenant's mapped price ({@link Offer#mappedPrice()}) is used as it is, and tagged with the plan's id;
 *   <li>otherwise the price whose {@code lookup_key} is made of the plan's id, amount, currency and interval is found,
 *       or created on first use (with its product) under an idempotency key made of the same, so two concurrent first
 *       checkouts make one price and a plan whose price changes gets a new one.
 * </ul>
 */
final class PlanPrices {

    private PlanPrices() {}

    /** The id of the price {@code plan} is billed at, found, tagged or created at Stripe. */
    static String of(StripeClient stripe, Offer plan) throws PaymentException {
        try {
            if (plan.mappedPrice().isPresent()) {
                return stripe.v1().prices().update(plan.mappedPrice().get(), PriceUpdateParams.builder()
                        .putMetadata(Metadata.OFFER, plan.id()).build()).getId();
            }
            String key = lookupKey(plan);
            List<Price> found = stripe.v1().prices().list(PriceListParams.builder().addLookupKey(key)
                    .setActive(true).setLimit(1L).build()).getData();
            if (!found.isEmpty()) {
                return found.get(0).getId();
            }
            return stripe.v1().prices().create(create(plan, key), IdempotencyKeys.price(key)).getId();
        } catch (StripeException e) {
            throw StripeFailures.of("finding the price of plan " + plan.id(), e);
        }
    }

    /** {@code atelier-<plan>-<amount>-<currency>-<interval>}: the same definition finds the same price. */
    static String lookupKey(Offer plan) {
        return "atelier-" + plan.id() + "-" + plan.amountMinor() + "-" + plan.currency() + "-"
                + plan.interval().name().toLowerCase(Locale.ROOT);
    }

    private static PriceCreateParams create(Offer plan, String key) {
        return PriceCreateParams.builder()
                .setCurrency(plan.currency())
                .setUnitAmount(plan.amountMinor())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(plan.interval() == Offer.Interval.YEAR ? PriceCreateParams.Recurring.Interval.YEAR
                                : PriceCreateParams.Recurring.Interval.MONTH)
                        .build())
                .setLookupKey(key)
                .putMetadata(Metadata.OFFER, plan.id())
                .setProductData(PriceCreateParams.ProductData.builder()
                        .setName(plan.name())
                        .putMetadata(Metadata.OFFER, plan.id())
                        .build())
                .build();
    }
}
