package dev.atelier.core.ratelimit;

/**
 * Where a limiter finds the limit of a bucket kind for one tenant: the platform's {@link RateLimits}, or a tenant's
 * own limits over them ({@link TenantRateLimits}).
 */
@FunctionalInterface
public interface LimitSource {

    /**
     * The limit of {@code bucketKind} on {@code tenantId}.
     *
     * @throws IllegalArgumentException if {@code bucketKind} is not configured
     */
    RateLimits.Limit limit(String tenantId, String bucketKind);
}
