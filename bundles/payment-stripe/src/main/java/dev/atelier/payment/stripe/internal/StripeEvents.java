package dev.atelier.payment.stripe.internal;

import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.DisputeClosed;
import dev.atelier.spi.payment.PaymentEvent.DisputeOpened;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.Refunded;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates a verified Stripe event into the platform's payment events. Stripe's object of each event is read with
 * stripe-java's own classes; what the object leaves out (a subscription's period, an invoice's payment) is read back
 * from Stripe through {@link StripeReads}.
 */
final class StripeEvents {

    /** Billing reason of the invoice a subscription's checkout makes; later invoices are renewals or changes. */
    private static final String FIRST_INVOICE = "subscription_create";

    private final StripeReads reads;

    StripeEvents(StripeReads reads) {
        this.reads = reads;
    }

    /** The events {@code event} means; empty for a type the platform does not use. */
    List<PaymentEvent> translate(Event event, StripeObject object) throws StripeException {
        String id = event.getId();
        Instant at = Instant.ofEpochSecond(event.getCreated());
        return switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                    completed(id, at, (Session) object);
            case "checkout.session.async_payment_failed" -> List.of(failedCheckout(id, at, (Session) object,
                    "the payment of the checkout failed"));
            case "checkout.session.expired" -> List.of(failedCheckout(id, at, (Session) object,
                    "the checkout expired unpaid"));
            case "invoice.paid" -> invoicePaid(id, at, (Invoice) object).map(List::<PaymentEvent>of)
                    .orElse(List.of());
            case "invoice.payment_failed" -> invoiceFailed(id, at, (Invoice) object);
            case "customer.subscription.updated" -> List.of(changed(id, at, (Subscription) object));
            case "customer.subscription.deleted" -> List.of(canceled(id, at, (Subscription) object));
            case "charge.refunded" -> refunded(id, (Charge) object);
            case "charge.dispute.created" -> List.of(disputeOpened(id, at, (Dispute) object));
            case "charge.dispute.closed" -> List.of(disputeClosed(id, at, (Dispute) object));
            default -> List.of();
        };
    }

    /** A completed checkout: a subscription started, or a top-up paid (when its money arrived already). */
    List<PaymentEvent> completed(String id, Instant at, Session session) throws StripeException {
        String checkoutId = checkoutId(session);
        String offerId = meta(session.getMetadata(), Metadata.OFFER);
        if ("subscription".equals(session.getMode())) {
            Subscription subscription = session.getSubscriptionObject() != null ? session.getSubscriptionObject()
                    : reads.subscription(session.getSubscription());
            return List.of(new SubscriptionStarted(id, at, checkoutId, session.getCustomer(), subscription.getId(),
                    offerId != null ? offerId : meta(subscription.getMetadata(), Metadata.OFFER),
                    period(subscription)));
        }
        if ("payment".equals(session.getMode()) && "paid".equals(session.getPaymentStatus())) {
            return List.of(new PaymentSucceeded(id, at, checkoutId, session.getCustomer(),
                    session.getPaymentIntent(), amount(session.getAmountTotal()), session.getCurrency(), offerId,
                    null, null));
        }
        // Paid later (a bank debit): checkout.session.async_payment_succeeded says so.
        return List.of();
    }

    static PaymentFailed failedCheckout(String id, Instant at, Session session, String reason) {
        return new PaymentFailed(id, at, checkoutId(session), session.getCustomer(), session.getSubscription(),
                reason + " (Checkout Session " + session.getId() + ")");
    }

    /** A paid invoice of a subscription: one paid period. Invoices of no subscription are not the platform's. */
    Optional<PaymentSucceeded> invoicePaid(String id, Instant at, Invoice invoice) throws StripeException {
        Optional<Invoice.Parent.SubscriptionDetails> details = subscriptionOf(invoice);
        if (details.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> metadata = details.get().getMetadata();
        String payment = reads.paymentOf(invoice).orElse(invoice.getId());
        // After a plan change in the portal the subscription's metadata still names the first plan; the price the
        // invoice bills names the current one.
        Optional<String> price = FIRST_INVOICE.equals(invoice.getBillingReason()) ? Optional.empty()
                : billedPrice(invoice);
        String offer = price.isPresent() ? meta(reads.price(price.get()).getMetadata(), Metadata.OFFER) : null;
        return Optional.of(new PaymentSucceeded(id, at, firstCheckout(invoice, metadata), invoice.getCustomer(),
                payment, amount(invoice.getAmountPaid()), invoice.getCurrency(),
                offer != null ? offer : meta(metadata, Metadata.OFFER), details.get().getSubscription(),
                period(invoice)));
    }

    List<PaymentEvent> invoiceFailed(String id, Instant at, Invoice invoice) {
        Optional<Invoice.Parent.SubscriptionDetails> details = subscriptionOf(invoice);
        if (details.isEmpty()) {
            return List.of();
        }
        return List.of(new PaymentFailed(id, at, firstCheckout(invoice, details.get().getMetadata()),
                invoice.getCustomer(), details.get().getSubscription(), "invoice " + invoice.getId()
                        + " could not be collected (attempt " + invoice.getAttemptCount() + ")"));
    }

    static SubscriptionChanged changed(String id, Instant at, Subscription subscription) {
        Period period = period(subscription);
        // The portal schedules a cancellation either way: the flag, or cancel_at set to the period's end.
        boolean cancelAtEnd = Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd())
                || (subscription.getCancelAt() != null && period != null
                        && subscription.getCancelAt() == period.end().getEpochSecond());
        return new SubscriptionChanged(id, at, subscription.getCustomer(), subscription.getId(),
                offerOf(subscription), period, cancelAtEnd);
    }

    /**
     * The plan a subscription is on now: named by its price (which a change of plan in the portal replaces), else by
     * the metadata its checkout gave it.
     */
    static String offerOf(Subscription subscription) {
        if (subscription.getItems() != null && subscription.getItems().getData() != null) {
            Optional<String> priced = subscription.getItems().getData().stream()
                    .map(SubscriptionItem::getPrice).filter(Objects::nonNull)
                    .map(price -> meta(price.getMetadata(), Metadata.OFFER)).filter(Objects::nonNull).findFirst();
            if (priced.isPresent()) {
                return priced.get();
            }
        }
        return meta(subscription.getMetadata(), Metadata.OFFER);
    }

    /** The price of the invoice's line for its whole period (proration lines cover parts of the old one). */
    private static Optional<String> billedPrice(Invoice invoice) {
        if (invoice.getLines() == null || invoice.getLines().getData() == null) {
            return Optional.empty();
        }
        return invoice.getLines().getData().stream()
                .filter(line -> line.getPeriod() != null && line.getPeriod().getEnd() != null && !proration(line))
                .filter(line -> line.getPricing() != null && line.getPricing().getPriceDetails() != null
                        && line.getPricing().getPriceDetails().getPrice() != null)
                .max(Comparator.comparing(line -> line.getPeriod().getEnd()))
                .map(line -> line.getPricing().getPriceDetails().getPrice());
    }

    private static boolean proration(InvoiceLineItem line) {
        return line.getParent() != null && line.getParent().getSubscriptionItemDetails() != null
                && Boolean.TRUE.equals(line.getParent().getSubscriptionItemDetails().getProration());
    }

    static SubscriptionCanceled canceled(String id, Instant at, Subscription subscription) {
        Long ended = subscription.getEndedAt() != null ? subscription.getEndedAt() : subscription.getCanceledAt();
        return new SubscriptionCanceled(id, at, subscription.getCustomer(), subscription.getId(),
                ended != null ? Instant.ofEpochSecond(ended) : at);
    }

    /** One event per refund of the charge that went through (or still may); failed and canceled ones gave nothing. */
    List<PaymentEvent> refunded(String id, Charge charge) throws StripeException {
        String payment = charge.getPaymentIntent() != null ? charge.getPaymentIntent() : charge.getId();
        List<PaymentEvent> events = new ArrayList<>();
        for (Refund refund : reads.refundsOf(charge)) {
            if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
                continue;
            }
            events.add(refunded(id + ":" + refund.getId(), charge.getCustomer(), payment, refund,
                    meta(refund.getMetadata(), Metadata.REFUND)));
        }
        return events;
    }

    /** @param refundId the host's id of the refund, or {@code null} for one made at Stripe directly */
    static Refunded refunded(String id, String customer, String payment, Refund refund, String refundId) {
        return new Refunded(id, Instant.ofEpochSecond(refund.getCreated()), customer, payment, refund.getId(),
                refundId, amount(refund.getAmount()), refund.getCurrency());
    }

    private DisputeOpened disputeOpened(String id, Instant at, Dispute dispute) throws StripeException {
        return new DisputeOpened(id, at, reads.customerOf(dispute.getPaymentIntent(), dispute.getCharge()),
                disputed(dispute), dispute.getId(), amount(dispute.getAmount()), dispute.getCurrency());
    }

    private DisputeClosed disputeClosed(String id, Instant at, Dispute dispute) throws StripeException {
        return new DisputeClosed(id, at, reads.customerOf(dispute.getPaymentIntent(), dispute.getCharge()),
                disputed(dispute), dispute.getId(), "won".equals(dispute.getStatus()));
    }

    /** The payment a dispute is about, as {@link PaymentSucceeded} named it: the intent, else the charge. */
    private static String disputed(Dispute dispute) {
        return dispute.getPaymentIntent() != null ? dispute.getPaymentIntent() : dispute.getCharge();
    }

    /** The subscription's current period, which Stripe keeps on its items (they share one billing cycle). */
    static Period period(Subscription subscription) {
        if (subscription.getItems() == null || subscription.getItems().getData() == null) {
            return null;
        }
        return subscription.getItems().getData().stream()
                .filter(i -> i.getCurrentPeriodStart() != null && i.getCurrentPeriodEnd() != null)
                .max(Comparator.comparing(SubscriptionItem::getCurrentPeriodEnd))
                .map(i -> new Period(Instant.ofEpochSecond(i.getCurrentPeriodStart()),
                        Instant.ofEpochSecond(i.getCurrentPeriodEnd())))
                .orElse(null);
    }

    /** The period an invoice pays: its line reaching furthest (proration lines cover parts of it). */
    static Period period(Invoice invoice) {
        if (invoice.getLines() == null || invoice.getLines().getData() == null) {
            return null;
        }
        return invoice.getLines().getData().stream()
                .map(InvoiceLineItem::getPeriod)
                .filter(p -> p != null && p.getStart() != null && p.getEnd() != null && p.getEnd() > p.getStart())
                .max(Comparator.comparing(InvoiceLineItem.Period::getEnd))
                .map(p -> new Period(Instant.ofEpochSecond(p.getStart()), Instant.ofEpochSecond(p.getEnd())))
                .orElse(null);
    }

    static Optional<Invoice.Parent.SubscriptionDetails> subscriptionOf(Invoice invoice) {
        return Optional.ofNullable(invoice.getParent()).map(Invoice.Parent::getSubscriptionDetails)
                .filter(d -> d.getSubscription() != null);
    }

    /** The checkout echoed only on the invoice the checkout made: renewals result from no checkout. */
    private static String firstCheckout(Invoice invoice, Map<String, String> subscriptionMetadata) {
        return FIRST_INVOICE.equals(invoice.getBillingReason()) ? meta(subscriptionMetadata, Metadata.CHECKOUT) : null;
    }

    static String checkoutId(Session session) {
        return session.getClientReferenceId() != null ? session.getClientReferenceId()
                : meta(session.getMetadata(), Metadata.CHECKOUT);
    }

    static String meta(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

    static long amount(Long value) {
        return Objects.requireNonNullElse(value, 0L);
    }
}
