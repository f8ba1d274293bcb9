package dev.atelier.core.secrets;

/** The secrets key is missing, unreadable or wrong. The message says what to set. */
public final class SecretKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretKeyException(String message) {
        super(message);
    }

    public SecretKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
