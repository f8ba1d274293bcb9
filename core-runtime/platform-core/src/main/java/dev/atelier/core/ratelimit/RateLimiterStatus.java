package dev.atelier.core.ratelimit;

/**
 * What a {@link RateLimiter} reports to the operator.
 *
 * @param backend {@code in-process} or where the shared counter lives ({@code redis://host:port}, no password)
 * @param reachable whether the last attempt to count reached the backend (always true in process)
 * @param outages times the backend became unreachable since start
 * @param failedOpen attempts let through uncounted while the backend was unreachable (fail-open kinds)
 * @param failedClosed attempts refused with 503 while the backend was unreachable (fail-closed kinds)
 */
public record RateLimiterStatus(String backend, boolean reachable, long outages, long failedOpen,
        long failedClosed) {

    /** The status of a limiter that counts in this JVM and cannot fail. */
    public static RateLimiterStatus inProcess() {
        return new RateLimiterStatus("in-process", true, 0, 0, 0);
    }
}
