package dev.atelier.payment.stripe.internal;

import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PendingReference;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the reconciler: what Stripe's current state of a checkout, subscription or refund implies, as the events
 * its webhooks would have given. Event ids are derived ({@code lookup:<Stripe id>:<state>}), so asking twice about the
 * same state gives the same ids; the host also recognises what it applied by the references.
 */
final class Lookups {

    private final StripeReads reads;
    private final StripeEvents events;
    private final Clock clock;

    Lookups(StripeReads reads, Clock clock) {
        this.reads = reads;
        this.events = new StripeEvents(reads);
        this.clock = clock;
    }

    List<PaymentEvent> lookUp(PendingReference pending) throws StripeException {
        return switch (pending.kind()) {
            case CHECKOUT -> checkout(reads.session(pending.providerId()));
            case SUBSCRIPTION -> subscription(reads.subscription(pending.providerId()));
            case REFUND -> refund(reads.refund(pending.providerId()), pending.hostId());
        };
    }

    /** A completed session's events as its webhook gives them, and its subscription's first payment. */
    private List<PaymentEvent> checkout(Session session) throws StripeException {
        Instant at = Instant.ofEpochSecond(session.getCreated());
        if ("expired".equals(session.getStatus())) {
            return List.of(StripeEvents.failedCheckout(id(session.getId(), "expired"), at, session,
                    "the checkout expired unpaid"));
        }
        if (!"complete".equals(session.getStatus())) {
            return List.of();
        }
        List<PaymentEvent> found = new ArrayList<>(events.completed(id(session.getId(), session.getPaymentStatus()),
                at, session));
        Subscription subscription = session.getSubscriptionObject();
        if (subscription != null) {
            latestPaid(subscription).ifPresent(found::add);
        }
        return found;
    }

    private List<PaymentEvent> subscription(Subscription subscription) throws StripeException {
        Instant now = clock.instant();
        if ("canceled".equals(subscription.getStatus())) {
            return List.of(StripeEvents.canceled(id(subscription.getId(), "canceled"), now, subscription));
        }
        List<PaymentEvent> found = new ArrayList<>();
        PaymentEvent.Period period = StripeEvents.period(subscription);
        String state = subscription.getStatus() + (period == null ? "" : ":" + period.end().getEpochSecond());
        found.add(StripeEvents.changed(id(subscription.getId(), state), now, subscription));
        latestPaid(subscription).ifPresent(found::add);
        return found;
    }

    /** The payment of the subscription's latest invoice, when that invoice is paid. */
    private Optional<PaymentEvent> latestPaid(Subscription subscription) throws StripeException {
        Invoice invoice = subscription.getLatestInvoiceObject();
        if (invoice == null || !"paid".equals(invoice.getStatus())) {
            return Optional.empty();
        }
        Long paidAt = invoice.getStatusTransitions() != null ? invoice.getStatusTransitions().getPaidAt() : null;
        Instant at = Instant.ofEpochSecond(paidAt != null ? paidAt : invoice.getCreated());
        return events.invoicePaid(id(invoice.getId(), "paid"), at, invoice).map(PaymentSucceeded.class::cast);
    }

    private static List<PaymentEvent> refund(Refund refund, String refundId) {
        if (!"succeeded".equals(refund.getStatus())) {
            return List.of();
        }
        String payment = refund.getPaymentIntent() != null ? refund.getPaymentIntent() : refund.getCharge();
        return List.of(StripeEvents.refunded(id(refund.getId(), "succeeded"), refund.getCustomer(), payment, refund,
                refundId));
    }

    private static String id(String stripeId, String state) {
        return "lookup:" + stripeId + ":" + state;
    }
}
