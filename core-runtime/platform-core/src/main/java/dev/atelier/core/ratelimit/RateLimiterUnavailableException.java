package dev.atelier.core.ratelimit;

/**
 * The shared rate-limit counter (Redis) cannot be reached and the bucket kind fails closed: the attempt is refused
 * rather than let through uncounted. Answered with 503 "temporarily unavailable"; nothing was done.
 */
public final class RateLimiterUnavailableException extends RuntimeException {

    /** Seconds a client should wait before trying again ({@code Retry-After}). */
    public static final long RETRY_AFTER_SECONDS = 5;

    private final String bucketKind;

    public RateLimiterUnavailableException(String bucketKind, Throwable cause) {
        super("rate limits for " + bucketKind + " cannot be counted right now", cause, false, false);
        this.bucketKind = bucketKind;
    }

    /** The bucket kind whose attempt was refused. */
    public String bucketKind() {
        return bucketKind;
    }
}
