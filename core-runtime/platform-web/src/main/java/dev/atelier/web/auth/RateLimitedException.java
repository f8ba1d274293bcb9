package dev.atelier.web.auth;

import java.time.Duration;

/** Too many attempts of a limited action; answered with 429 and {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("rate limited", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until an attempt would be allowed, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
