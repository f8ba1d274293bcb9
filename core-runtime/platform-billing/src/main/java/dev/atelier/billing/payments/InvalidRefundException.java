package dev.atelier.billing.payments;

/** A refund that cannot be asked for: more than what is left of the payment, or nothing at all. The message says so. */
public final class InvalidRefundException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRefundException(String message) {
        super(message);
    }
}
