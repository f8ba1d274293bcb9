package dev.atelier.spi.model;

/**
 * Why a generation produced nothing. The {@linkplain #getMessage() message} is shown to the end user, so write it for
 * a person and keep secrets and stack details out of it (log those instead). Whatever the kind, the user's held
 * credits are released: a failed generation costs nothing.
 */
public class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether the host retries. */
    public enum Kind {
        /** The request cannot be served as given (for example an input image the model cannot read). Not retried. */
        INVALID_INPUT,
        /** The provider refused the content (safety filter). Not retried. */
        CONTENT_REJECTED,
        /** The call stopped because {@link GenerationContext#isCancelled()} became true. Not retried. */
        CANCELLED,
        /** A temporary failure of the model or its provider (timeout, rate limit, 5xx). The host may retry. */
        TEMPORARY,
        /** Any other failure. Not retried. */
        FAILED
    }

    private final Kind kind;

    public GenerationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public GenerationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
