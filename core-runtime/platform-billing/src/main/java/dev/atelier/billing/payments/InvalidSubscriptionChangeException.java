package dev.atelier.billing.payments;

/**
 * A subscription change that cannot be asked for: no plan to cancel or change, the plan it already has, or nothing
 * bought yet to manage. The message says so, for the person who asked.
 */
public final class InvalidSubscriptionChangeException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSubscriptionChangeException(String message) {
        super(message);
    }
}
