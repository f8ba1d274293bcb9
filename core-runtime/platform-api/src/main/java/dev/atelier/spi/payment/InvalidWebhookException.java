package dev.atelier.spi.payment;

/**
 * A webhook that is not believed: no signature, a wrong or expired one, or a body that is not the vendor's event. The
 * host answers 400 and changes nothing; the message is logged for operators.
 */
public class InvalidWebhookException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidWebhookException(String message) {
        super(message);
    }

    public InvalidWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
