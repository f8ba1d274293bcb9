package dev.atelier.payment.sandbox.internal;

/**
 * The JSON the simulated vendor sends: one webhook body is {@code {"events": [...]}}, a list because one happening (a
 * plan paid at checkout) is two events. Each event is an object with {@code id}, {@code type}, {@code created}
 * (ISO-8601) and, by type:
 *
 * <ul>
 *   <li>{@code subscription.started}: {@code checkout_id}, {@code customer}, {@code subscription}, {@code offer},
 *       {@code period} ({@code {"start", "end"}});
 *   <li>{@code payment.succeeded}: {@code checkout_id} (absent for renewals), {@code customer}, {@code payment},
 *       {@code amount} (minor units), {@code currency}, {@code offer}, and for a plan {@code subscription} and
 *       {@code period};
 *   <li>{@code payment.failed}: {@code checkout_id} or {@code subscription}, {@code customer}, {@code reason};
 *   <li>{@code dispute.opened}: {@code customer}, {@code payment}, {@code dispute}, {@code amount}, {@code currency};
 *   <li>{@code dispute.closed}: {@code customer}, {@code payment}, {@code dispute}, {@code won};
 *   <li>{@code subscription.updated}: {@code customer}, {@code subscription}, {@code offer}, {@code period},
 *       {@code cancel_at_period_end};
 *   <li>{@code subscription.canceled}: {@code customer}, {@code subscription}, {@code ended_at}.
 * </ul>
 *
 * Other types are ignored, as a real vendor's many event types are.
 */
final class EventFormat {

    static final String EVENTS = "events";

    static final String SUBSCRIPTION_STARTED = "subscription.started";
    static final String PAYMENT_SUCCEEDED = "payment.succeeded";
    static final String PAYMENT_FAILED = "payment.failed";
    static final String DISPUTE_OPENED = "dispute.opened";
    static final String DISPUTE_CLOSED = "dispute.closed";
    static final String SUBSCRIPTION_UPDATED = "subscription.updated";
    static final String SUBSCRIPTION_CANCELED = "subscription.canceled";

    static final String ID = "id";
    static final String TYPE = "type";
    static final String CREATED = "created";
    static final String CHECKOUT = "checkout_id";
    static final String CUSTOMER = "customer";
    static final String SUBSCRIPTION = "subscription";
    static final String PAYMENT = "payment";
    static final String DISPUTE = "dispute";
    static final String OFFER = "offer";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String PERIOD = "period";
    static final String START = "start";
    static final String END = "end";
    static final String REASON = "reason";
    static final String WON = "won";
    static final String CANCEL_AT_PERIOD_END = "cancel_at_period_end";
    static final String ENDED_AT = "ended_at";

    private EventFormat() {}
}
