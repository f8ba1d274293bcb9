package dev.atelier.launcher;

/** The platform could not start; the message says what to fix. Everything already started has been stopped. */
public final class AtelierStartException extends Exception {

    private static final long serialVersionUID = 1L;

    AtelierStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
