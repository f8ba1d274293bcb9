package dev.atelier.media;

import java.time.Duration;

/**
 * The memory set aside for decoding media is taken by other files right now, and did not come free within the wait;
 * the file itself may be fine. Answered with 503 and {@code Retry-After}; the message is written for a person.
 */
public final class MediaBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public MediaBusyException(Duration retryAfter) {
        super("Many files are being processed right now. Please try again in a few seconds.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds a client should wait before trying again, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
