/**
 * Rate limits for abuse-prone actions (sign-in, sign-up, password reset, generation submits, uploads, checkout): a
 * {@link dev.atelier.core.ratelimit.RateLimiter} answers whether one more attempt of a bucket kind is allowed for a
 * tenant and a key. The platform's limits and fail modes are {@link dev.atelier.core.ratelimit.RateLimits}; a tenant's
 * own limits come through {@link dev.atelier.core.ratelimit.TenantRateLimits}.
 * {@link dev.atelier.core.ratelimit.InProcessRateLimiter} serves a single node; the Redis-backed limiter (module
 * platform-redis) shares the same counts across nodes and, while Redis is unreachable, lets a kind through or refuses
 * it ({@link dev.atelier.core.ratelimit.RateLimiterUnavailableException}) as configured.
 */
package dev.atelier.core.ratelimit;
