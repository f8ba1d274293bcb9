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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.DisputeClosed;
import dev.atelier.spi.payment.PaymentEvent.DisputeOpened;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a webhook body in the {@link EventFormat} (already authenticated) into normalized events, skipping types the
 * platform does not use. A body that is not such a list, or an event without a field its type needs, is refused as a
 * whole: the host then changes nothing.
 */
final class EventReader {

    private final ObjectMapper json;

    EventReader(ObjectMapper json) {
        this.json = json;
    }

    List<PaymentEvent> read(byte[] body) throws InvalidWebhookException {
        JsonNode events;
        try {
            events = json.readTree(body).path(EVENTS);
        } catch (IOException e) {
            throw new InvalidWebhookException("the body is not JSON", e);
        }
        if (!events.isArray()) {
            throw new InvalidWebhookException("the body has no list of events");
        }
        List<PaymentEvent> read = new ArrayList<>();
        for (JsonNode event : events) {
            PaymentEvent known = event(event);
            if (known != null) {
                read.add(known);
            }
        }
        return read;
    }

    /** The event, or {@code null} for a type the platform does not use. */
    private static PaymentEvent event(JsonNode event) throws InvalidWebhookException {
        String type = text(event, TYPE);
        return switch (type) {
            case EventFormat.SUBSCRIPTION_STARTED -> new SubscriptionStarted(text(event, ID), instant(event, CREATED),
                    optional(event, CHECKOUT), text(event, CUSTOMER), text(event, SUBSCRIPTION), text(event, OFFER),
                    period(event));
            case EventFormat.PAYMENT_SUCCEEDED -> new PaymentSucceeded(text(event, ID), instant(event, CREATED),
                    optional(event, CHECKOUT), text(event, CUSTOMER), text(event, PAYMENT), amount(event),
                    text(event, CURRENCY), optional(event, OFFER), optional(event, SUBSCRIPTION),
                    event.has(PERIOD) ? period(event) : null);
            case EventFormat.PAYMENT_FAILED -> new PaymentFailed(text(event, ID), instant(event, CREATED),
                    optional(event, CHECKOUT), text(event, CUSTOMER), optional(event, SUBSCRIPTION),
                    text(event, REASON));
            case EventFormat.DISPUTE_OPENED -> new DisputeOpened(text(event, ID), instant(event, CREATED),
                    text(event, CUSTOMER), text(event, PAYMENT), text(event, DISPUTE), amount(event),
                    text(event, CURRENCY));
            case EventFormat.DISPUTE_CLOSED -> new DisputeClosed(text(event, ID), instant(event, CREATED),
                    text(event, CUSTOMER), text(event, PAYMENT), text(event, DISPUTE), bool(event, WON));
            case EventFormat.SUBSCRIPTION_UPDATED -> new SubscriptionChanged(text(event, ID), instant(event, CREATED),
                    text(event, CUSTOMER), text(event, SUBSCRIPTION), text(event, OFFER), period(event),
                    bool(event, CANCEL_AT_PERIOD_END));
            case EventFormat.SUBSCRIPTION_CANCELED -> new SubscriptionCanceled(text(event, ID),
                    instant(event, CREATED), text(event, CUSTOMER), text(event, SUBSCRIPTION),
                    instant(event, ENDED_AT));
            default -> null;
        };
    }

    private static String text(JsonNode event, String field) throws InvalidWebhookException {
        JsonNode value = event.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidWebhookException("an event has no " + field);
        }
        return value.asText();
    }

    private static String optional(JsonNode event, String field) throws InvalidWebhookException {
        return event.hasNonNull(field) ? text(event, field) : null;
    }

    private static long amount(JsonNode event) throws InvalidWebhookException {
        JsonNode value = event.path(AMOUNT);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw new InvalidWebhookException("an event's amount is not a positive whole number");
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode event, String field) throws InvalidWebhookException {
        JsonNode value = event.path(field);
        if (!value.isBoolean()) {
            throw new InvalidWebhookException("an event's " + field + " is not true or false");
        }
        return value.asBoolean();
    }

    private static Instant instant(JsonNode event, String field) throws InvalidWebhookException {
        try {
            return Instant.parse(text(event, field));
        } catch (DateTimeParseException e) {
            throw new InvalidWebhookException("an event's " + field + " is not an ISO-8601 instant", e);
        }
    }

    private static Period period(JsonNode event) throws InvalidWebhookException {
        JsonNode period = event.path(PERIOD);
        try {
            return new Period(instant(period, START), instant(period, END));
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("an event's period ends before it starts", e);
        }
    }
}
