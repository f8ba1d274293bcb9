package dev.atelier.payment.stripe.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.SubscriptionRetrieveParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.util.List;
import java.util.Optional;

/**
 * What the bundle reads back from Stripe when an event's object does not carry it: a subscription's period (a
 * Checkout Session names only the subscription's id), an invoice's payment, a disputed payment's customer, a charge's
 * refunds, the price a renewal's invoice bills. Stripe's current API leaves these out of event payloads; they are read with the tenant's key.
 */
final class StripeReads {

    /** Expanded with a subscription, so one read answers its latest invoice and that invoice's payments. */
    private static final String LATEST_INVOICE_PAYMENTS = "latest_invoice.payments";

    private final StripeClient stripe;

    StripeReads(StripeClient stripe) {
        this.stripe = stripe;
    }

    Subscription subscription(String id) throws StripeException {
        return stripe.v1().subscriptions().retrieve(id, SubscriptionRetrieveParams.builder()
                .addExpand(LATEST_INVOICE_PAYMENTS).build());
    }

    Session session(String id) throws StripeException {
        return stripe.v1().checkout().sessions().retrieve(id, SessionRetrieveParams.builder()
                .addExpand("subscription." + LATEST_INVOICE_PAYMENTS).build());
    }

    /** A price, whose metadata names the plan it bills ({@link PlanPrices}). */
    Price price(String id) throws StripeException {
        return stripe.v1().prices().retrieve(id);
    }

    Refund refund(String id) throws StripeException {
        return stripe.v1().refunds().retrieve(id);
    }

    /**
     * The payment intent (or charge) that paid {@code invoice}, from its payments when the object has them expanded,
     * else from Stripe's list of the invoice's payments; empty when nothing was charged (a zero-amount invoice).
     */
    Optional<String> paymentOf(Invoice invoice) throws StripeException {
        List<InvoicePayment> payments = invoice.getPayments() != null && invoice.getPayments().getData() != null
                ? invoice.getPayments().getData()
                : stripe.v1().invoicePayments().list(InvoicePaymentListParams.builder()
                        .setInvoice(invoice.getId()).build()).getData();
        return payments.stream()
                .filter(p -> "paid".equals(p.getStatus()) && p.getPayment() != null)
                .map(p -> p.getPayment().getPaymentIntent() != null ? p.getPayment().getPaymentIntent()
                        : p.getPayment().getCharge())
                .filter(id -> id != null)
                .findFirst();
    }

    /** The customer who paid a payment intent, or the charge when there is no intent. */
    String customerOf(String paymentIntent, String charge) throws StripeException {
        if (paymentIntent != null) {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntent);
            return intent.getCustomer();
        }
        Charge found = stripe.v1().charges().retrieve(charge);
        return found.getCustomer();
    }

    /** The charge's refunds: the ones its object lists, else Stripe's list of them. */
    List<Refund> refundsOf(Charge charge) throws StripeException {
        if (charge.getRefunds() != null && charge.getRefunds().getData() != null) {
            return charge.getRefunds().getData();
        }
        return stripe.v1().refunds().list(RefundListParams.builder().setCharge(charge.getId()).build()).getData();
    }
}
