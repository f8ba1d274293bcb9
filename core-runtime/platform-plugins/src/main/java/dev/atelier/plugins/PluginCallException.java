package dev.atelier.plugins;

/** A call through {@link PluginRegistry#call} that gave no result; {@link #reason()} says why. */
public final class PluginCallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a call gave no result. */
    public enum Reason {
        /** No bundle serves the id right now. */
        NOT_DEPLOYED,
        /** The call was still running at its deadline (or the host's call timeout) and was interrupted. */
        TIMED_OUT,
        /** The caller was interrupted while waiting. */
        INTERRUPTED,
        /** Every host worker thread was busy; the call never started. */
        BUSY,
        /** The plugin threw; the exception is the {@link #getCause() cause}. */
        THREW
    }

    private final Reason reason;
    private final transient ServedPlugin<?> served;

    public PluginCallException(Reason reason, String message, ServedPlugin<?> served, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.served = served;
    }

    public Reason reason() {
        return reason;
    }

    /** The service that was called, or {@code null} when none was ({@link Reason#NOT_DEPLOYED}). */
    public ServedPlugin<?> served() {
        return served;
    }
}
