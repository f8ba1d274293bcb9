package dev.atelier.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@link RateLimiter#tryAcquire}.
 *
 * @param allowed whether the attempt was counted and may go ahead
 * @param retryAfter when refused, how long until one more attempt would be allowed (positive); {@link Duration#ZERO}
 *     when allowed
 * @param remaining attempts still allowed right now after this one (0 when refused)
 */
public record Decision(boolean allowed, Duration retryAfter, long remaining) {

    public Decision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        if (!allowed && retryAfter.isZero()) {
            throw new IllegalArgumentException("a refusal needs a positive retryAfter");
        }
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative: " + remaining);
        }
    }

    static Decision allow(long remaining) {
        return new Decision(true, Duration.ZERO, remaining);
    }

    static Decision refuse(Duration retryAfter) {
        return new Decision(false, retryAfter, 0);
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, as an HTTP {@code Retry-After} value needs (0 when allowed). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds();
        return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
    }
}
