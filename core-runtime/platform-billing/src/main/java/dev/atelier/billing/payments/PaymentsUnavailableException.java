package dev.atelier.billing.payments;

/**
 * Purchases cannot be made right now: the tenant has no payment provider, its provider is not deployed or not set up,
 * or the provider's vendor did not answer. The message is for the person buying; the cause is logged.
 */
public final class PaymentsUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean temporary;

    public PaymentsUnavailableException(String message, boolean temporary, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
    }

    /** Whether trying again shortly may work (the vendor was unreachable), as opposed to a setup problem. */
    public boolean temporary() {
        return temporary;
    }
}
