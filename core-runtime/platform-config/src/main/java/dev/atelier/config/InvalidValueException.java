package dev.atelier.config;

/** A configuration value that cannot be used; the message completes "key = value ...". */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidValueException(String message) {
        super(message);
    }
}
