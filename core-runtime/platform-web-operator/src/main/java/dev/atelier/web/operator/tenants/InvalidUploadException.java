package dev.atelier.web.operator.tenants;

/** An uploaded tenant folder zip was refused before anything was applied; the message says why, for a person. */
public final class InvalidUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidUploadException(String message) {
        super(message);
    }
}
