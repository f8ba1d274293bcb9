package dev.atelier.payment.sandbox.internal;

import static dev.atelier.payment.sandbox.internal.EventFormat.AMOUNT;
import static dev.atelier.payment.sandbox.internal.EventFormat.CANCEL_AT_PERIOD_END;
import static dev.atelier.payment.sandbox.internal.EventFormat.CHECKOUT;
import static dev.atelier.payment.sandbox.internal.EventFormat.CREATED;
import static dev.atelier.payment.sandbox.internal.EventFormat.CURRENCY;
import static dev.atelier.payment.sandbox.internal.EventFormat.CUSTOMER;
import static dev.atelier.payment.sandbox.internal.EventFormat.DISPUTE;
import static dev.atelier.payment.sandbox.internal.EventFormat.END;
import static dev.atelier.payment.sandbox.internal.EventFormat.ENDED_AT;
import static dev.atelier.payment.sandbox.internal.EventFormat.EVENTS;
import static dev.atelier.payment.sandbox.internal.EventFormat.ID;
import static dev.atelier.payment.sandbox.internal.EventFormat.OFFER;
import static dev.atelier.payment.sandbox.internal.EventFormat.PAYMENT;
import static dev.atelier.payment.sandbox.internal.EventFormat.PERIOD;
import static dev.atelier.payment.sandbox.internal.EventFormat.REASON;
import static dev.atelier.payment.sandbox.internal.EventFormat.START;
import static dev.atelier.payment.sandbox.internal.EventFormat.SUBSCRIPTION;
import static dev.atelier.payment.sandbox.internal.EventFormat.TYPE;
import static dev.atelier.payment.sandbox.internal.EventFormat.WON;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.spi.payment.CheckoutRequest;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.SimulatedPayments.CheckoutAnswered;
import dev.atelier.spi.payment.SimulatedPayments.Disputed;
import dev.atelier.spi.payment.SimulatedPayments.PeriodRenewed;
import dev.atelier.spi.payment.SimulatedPayments.Simulation;
import dev.atelier.spi.payment.SimulatedPayments.SubscriptionEnded;
import dev.atelier.spi.payment.SimulatedPayments.SubscriptionUpdated;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Writes what the simulated vendor reports for a {@link Simulation} as a webhook body in the {@link EventFormat}. The
 * first event carries the host's event id; when one happening is two events, each id is the host's with a suffix
 * naming the event, so the same answer given twice is the same two events.
 */
final class SimulatedEvents {

    static final String DECLINED = "Declined on the test checkout page";
    static final String NOT_COLLECTED = "The renewal was not collected (test mode)";

    private final ObjectMapper json;

    SimulatedEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The body reporting {@code simulation}, with events created at {@code now}. */
    ObjectNode body(Simulation simulation, String eventId, Instant now) {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray(EVENTS);
        if (simulation instanceof CheckoutAnswered answered) {
            checkoutAnswered(events, answered, eventId, now);
        } else if (simulation instanceof PeriodRenewed renewed) {
            periodRenewed(events, renewed, eventId, now);
        } else if (simulation instanceof Disputed disputed) {
            disputed(events, disputed, eventId, now);
        } else if (simulation instanceof SubscriptionUpdated updated) {
            period(event(events, eventId, EventFormat.SUBSCRIPTION_UPDATED, now), updated.period())
                    .put(CUSTOMER, updated.providerCustomerId()).put(SUBSCRIPTION, updated.providerSubscriptionId())
                    .put(OFFER, updated.offer().id()).put(CANCEL_AT_PERIOD_END, updated.cancelAtPeriodEnd());
        } else if (simulation instanceof SubscriptionEnded ended) {
            event(events, eventId, EventFormat.SUBSCRIPTION_CANCELED, now).put(CUSTOMER, ended.providerCustomerId())
                    .put(SUBSCRIPTION, ended.providerSubscriptionId()).put(ENDED_AT, ended.endedAt().toString());
        } else {
            throw new IllegalArgumentException("The sandbox does not simulate " + simulation);
        }
        return body;
    }

    private void checkoutAnswered(ArrayNode events, CheckoutAnswered answered, String eventId, Instant now) {
        CheckoutRequest checkout = answered.checkout();
        Offer offer = checkout.offer();
        if (!answered.paid()) {
            event(events, eventId, EventFormat.PAYMENT_FAILED, now).put(CHECKOUT, checkout.checkoutId())
                    .put(CUSTOMER, answered.providerCustomerId()).put(REASON, DECLINED);
        } else if (!offer.recurring()) {
            payment(event(events, eventId, EventFormat.PAYMENT_SUCCEEDED, now), offer)
                    .put(CHECKOUT, checkout.checkoutId()).put(CUSTOMER, answered.providerCustomerId())
                    .put(PAYMENT, SandboxIds.topUpPayment(checkout.checkoutId()));
        } else {
            String subscription = answered.providerSubscriptionId() == null
                    || answered.providerSubscriptionId().isBlank()
                    ? SandboxIds.subscription(checkout.checkoutId()) : answered.providerSubscriptionId();
            Period first = firstPeriod(offer, now);
            period(event(events, eventId + ".subscription", EventFormat.SUBSCRIPTION_STARTED, now), first)
                    .put(CHECKOUT, checkout.checkoutId()).put(CUSTOMER, answered.providerCustomerId())
                    .put(SUBSCRIPTION, subscription).put(OFFER, offer.id());
            period(payment(event(events, eventId + ".payment", EventFormat.PAYMENT_SUCCEEDED, now), offer), first)
                    .put(CHECKOUT, checkout.checkoutId()).put(CUSTOMER, answered.providerCustomerId())
                    .put(SUBSCRIPTION, subscription).put(PAYMENT, SandboxIds.periodPayment(subscription, first));
        }
    }

    private void periodRenewed(ArrayNode events, PeriodRenewed renewed, String eventId, Instant now) {
        if (renewed.paid()) {
            period(payment(event(events, eventId, EventFormat.PAYMENT_SUCCEEDED, now), renewed.offer()),
                    renewed.next()).put(CUSTOMER, renewed.providerCustomerId())
                    .put(SUBSCRIPTION, renewed.providerSubscriptionId())
                    .put(PAYMENT, SandboxIds.periodPayment(renewed.providerSubscriptionId(), renewed.next()));
        } else {
            event(events, eventId, EventFormat.PAYMENT_FAILED, now).put(CUSTOMER, renewed.providerCustomerId())
                    .put(SUBSCRIPTION, renewed.providerSubscriptionId()).put(REASON, NOT_COLLECTED);
        }
    }

    private void disputed(ArrayNode events, Disputed disputed, String eventId, Instant now) {
        ObjectNode event = event(events, eventId, disputed.opened() ? EventFormat.DISPUTE_OPENED
                : EventFormat.DISPUTE_CLOSED, now).put(CUSTOMER, disputed.providerCustomerId())
                .put(PAYMENT, disputed.providerPaymentId()).put(DISPUTE, disputed.providerDisputeId());
        if (disputed.opened()) {
            event.put(AMOUNT, disputed.amountMinor()).put(CURRENCY, disputed.currency());
        } else {
            event.put(WON, disputed.won());
        }
    }

    private static ObjectNode event(ArrayNode events, String id, String type, Instant created) {
        return events.addObject().put(ID, id).put(TYPE, type).put(CREATED, created.toString());
    }

    private static ObjectNode payment(ObjectNode event, Offer offer) {
        return event.put(AMOUNT, offer.amountMinor()).put(CURRENCY, offer.currency()).put(OFFER, offer.id());
    }

    private static ObjectNode period(ObjectNode event, Period period) {
        event.putObject(PERIOD).put(START, period.start().toString()).put(END, period.end().toString());
        return event;
    }

    /** A plan's first period: from now (whole seconds) for one month or one year, by the calendar in UTC. */
    static Period firstPeriod(Offer plan, Instant now) {
        ZonedDateTime start = now.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
        ZonedDateTime end = plan.interval() == Offer.Interval.YEAR ? start.plusYears(1) : start.plusMonths(1);
        return new Period(start.toInstant(), end.toInstant());
    }
}
