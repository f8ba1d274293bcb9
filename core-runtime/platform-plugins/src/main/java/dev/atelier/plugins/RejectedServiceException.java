package dev.atelier.plugins;

/** Thrown by a {@link ServiceReader} when a service must be ignored; the message is the reason operators see. */
public final class RejectedServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedServiceException(String reason) {
        super(reason);
    }
}
