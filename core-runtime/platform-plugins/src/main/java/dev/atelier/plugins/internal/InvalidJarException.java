package dev.atelier.plugins.internal;

/** A jar the host cannot install; the message is the reason shown to operators. */
public final class InvalidJarException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidJarException(String message) {
        super(message);
    }
}
