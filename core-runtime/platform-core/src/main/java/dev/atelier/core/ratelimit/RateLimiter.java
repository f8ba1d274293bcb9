package dev.atelier.core.ratelimit;

/**
 * Decides whether one more attempt of an abuse-prone action is allowed, counting attempts per bucket kind and key.
 *
 * <p>A <em>bucket kind</em> names a configured limit in {@link RateLimits} (for example
 * {@value RateLimits#SIGNIN_IP}); a <em>key</em> is an opaque string the caller chooses to say whose attempts are
 * counted together, such as {@code tenantId + ":" + clientIp} or an account id. Keys are treated as sensitive (they may
 * hold IP addresses or emails): implementations never log them in full at INFO or above.
 *
 * <p>Two implementations are intended: {@link InProcessRateLimiter}, which keeps buckets in this JVM and is used when no
 * Redis is configured (one node), and a Redis-backed limiter (Lettuce with bucket4j-redis, not written yet) whose
 * counts are shared by every node. Callers depend on this interface only, so switching is configuration. Both must be
 * safe to call from many threads.
 */
public interface RateLimiter {

    /**
     * Counts one attempt against the bucket of {@code bucketKind} for {@code key}, if the limit allows it.
     *
     * @param bucketKind the name of a limit configured in {@link RateLimits}; required
     * @param key opaque, caller-chosen identity of who is attempting (already scoped by tenant where that matters);
     *     required, not blank
     * @return whether the attempt is allowed; when refused, how long until the next attempt would be allowed
     * @throws IllegalArgumentException if {@code bucketKind} is not configured or {@code key} is blank
     */
    Decision tryAcquire(String bucketKind, String key);
}
