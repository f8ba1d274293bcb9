package dev.atelier.spi.payment;

/**
 * Why a call to the vendor did not succeed. The message is logged for operators and never shown to end users (the
 * host tells them, by {@link #kind()}, to try again or that purchases are unavailable).
 */
public class PaymentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides what the host does next. */
    public enum Kind {
        /** The vendor was unreachable, slow or answered 5xx / 429; the host may retry with the same ids. */
        TEMPORARY,
        /** The tenant's settings are missing or wrong (no key, a key the vendor refuses). Not retried. */
        NOT_CONFIGURED,
        /** The vendor refused this request (for example a refund larger than what is left). Not retried. */
        REFUSED,
        /** The provider does not offer this (for example a billing portal). Not retried. */
        NOT_SUPPORTED
    }

    private final Kind kind;

    public PaymentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PaymentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
