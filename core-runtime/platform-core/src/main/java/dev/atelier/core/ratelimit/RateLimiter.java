package dev.atelier.core.ratelimit;

/**
 * Decides whether one more attempt of an abuse-prone action is allowed, counting attempts per tenant, bucket kind and
 * key.
 *
 * <p>A <em>bucket kind</em> names a configured limit (for example {@value RateLimits#SIGNIN_IP}); the limit itself
 * comes from a {@link LimitSource}, so a tenant may have its own. A <em>key</em> is an opaque string the caller chooses
 * to say whose attempts are counted together, such as a client IP or an account id. The tenant id is always part of
 * the count's identity, so two tenants never share a count whatever keys they use. Keys are treated as sensitive
 * (they may hold IP addresses or emails): implementations never log or store them in full.
 *
 * <p>Two implementations share one contract (and one contract test): {@link InProcessRateLimiter}, which keeps buckets
 * in this JVM and serves a single node, and a Redis-backed limiter whose counts every node shares. Callers depend on
 * this interface only, so switching is configuration. Both are safe to call from many threads.
 */
public interface RateLimiter {

    /**
     * Counts one attempt against the bucket of {@code bucketKind} for {@code key} of {@code tenantId}, if the limit
     * allows it.
     *
     * @param tenantId the tenant the attempt is made on; required, not blank
     * @param bucketKind the name of a configured limit; required
     * @param key opaque, caller-chosen identity of who is attempting; required, not blank
     * @return whether the attempt is allowed; when refused, how long until the next attempt would be allowed
     * @throws IllegalArgumentException if {@code bucketKind} is not configured or {@code tenantId} or {@code key} is
     *     blank
     * @throws RateLimiterUnavailableException if the shared counter cannot be reached and this kind fails closed
     */
    Decision tryAcquire(String tenantId, String bucketKind, String key);

    /** How the limiter is doing, for the operator: where it counts and what its outages cost. */
    RateLimiterStatus status();

    /**
     * Checks the arguments every implementation refuses alike.
     *
     * @throws IllegalArgumentException if {@code tenantId} or {@code key} is blank
     */
    static void requireTenantAndKey(String tenantId, String key) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("rate limit tenant must not be blank");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("rate limit key must not be blank");
        }
    }
}
