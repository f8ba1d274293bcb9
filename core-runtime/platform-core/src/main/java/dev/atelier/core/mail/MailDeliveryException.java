package dev.atelier.core.mail;

/** A message was not accepted this time; the outbox tries again later. The message says why, without secrets. */
public final class MailDeliveryException extends Exception {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
