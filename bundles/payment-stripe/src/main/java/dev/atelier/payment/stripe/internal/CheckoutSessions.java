package dev.atelier.payment.stripe.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Customer;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentException;
import java.net.URI;

/**
 * Opens Stripe Checkout Sessions: {@code subscription} mode for a plan, {@code payment} mode for a top-up. Every
 * create carries an idempotency key made of the host's own id, so a retry after a timeout (or a double click that
 * reaches the host twice) makes one customer and one session.
 */
final class CheckoutSessions {

    private CheckoutSessions() {}

    static Checkout open(StripeClient stripe, CheckoutRequest request) throws PaymentException {
        String customer = request.customer().existing().orElse(null);
        if (customer == null) {
            customer = createCustomer(stripe, request.customer());
        }
        Session session;
        try {
            String planPrice = request.offer().recurring() ? PlanPrices.of(stripe, request.offer()) : null;
            session = stripe.v1().checkout().sessions().create(params(request, customer, planPrice),
                    IdempotencyKeys.checkout(request.checkoutId()));
        } catch (StripeException e) {
            throw StripeFailures.of("opening Checkout Session for checkout " + request.checkoutId(), e);
        }
        if (session.getUrl() == null) {
            throw new PaymentException(PaymentException.Kind.REFUSED, "Stripe opened Checkout Session "
                    + session.getId() + " without a URL to pay at (it is no longer open)");
        }
        return new Checkout(session.getId(), URI.create(session.getUrl()), customer);
    }

    /** One customer per account: the account id is the key, so concurrent first checkouts make one. */
    private static String createCustomer(StripeClient stripe, Customer customer) throws PaymentException {
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setEmail(customer.email())
                .putMetadata(Metadata.ACCOUNT, customer.accountId())
                .build();
        try {
            return stripe.v1().customers().create(params, IdempotencyKeys.customer(customer.accountId())).getId();
        } catch (StripeException e) {
            throw StripeFailures.of("creating the customer of account " + customer.accountId(), e);
        }
    }

    /**
     * @param planPrice the Stripe price a plan is billed at ({@link PlanPrices}); {@code null} for a top-up, whose
     *     price goes inline
     */
    static SessionCreateParams params(CheckoutRequest request, String customer, String planPrice) {
        Offer offer = request.offer();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(offer.recurring() ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setCustomer(customer)
                .setClientReferenceId(request.checkoutId())
                .setSuccessUrl(request.successUrl().toString())
                .setCancelUrl(request.cancelUrl().toString())
                .addLineItem(lineItem(offer, planPrice))
                .putMetadata(Metadata.CHECKOUT, request.checkoutId())
                .putMetadata(Metadata.OFFER, offer.id());
        // The ids travel on to the objects the session makes, whose own events name them.
        if (offer.recurring()) {
            params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                    .putMetadata(Metadata.CHECKOUT, request.checkoutId())
                    .putMetadata(Metadata.OFFER, offer.id())
                    .build());
        } else {
            params.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                    .putMetadata(Metadata.CHECKOUT, request.checkoutId())
                    .putMetadata(Metadata.OFFER, offer.id())
                    .build());
        }
        return params.build();
    }

    /**
     * A plan's price object; a top-up's mapped price, or its own amount inline (a top-up's price is never referred to
     * again, so it needs no price object at Stripe).
     */
    private static LineItem lineItem(Offer offer, String planPrice) {
        LineItem.Builder item = LineItem.builder().setQuantity(1L);
        if (planPrice != null) {
            return item.setPrice(planPrice).build();
        }
        if (offer.mappedPrice().isPresent()) {
            return item.setPrice(offer.mappedPrice().get()).build();
        }
        return item.setPriceData(PriceData.builder()
                .setCurrency(offer.currency())
                .setUnitAmount(offer.amountMinor())
                .setProductData(PriceData.ProductData.builder().setName(offer.name()).build())
                .build()).build();
    }
}
