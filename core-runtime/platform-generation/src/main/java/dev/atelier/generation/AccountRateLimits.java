package dev.atelier.generation;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimiterUnavailableException;
import dev.atelier.core.tenants.Tenant;

/**
 * Counts one account's generation submits and uploads against the platform's (or the tenant's) rate limits and turns
 * a refusal into the answer the API and the create form show: 429 with {@code Retry-After}, or 503 while a limit that
 * fails closed cannot be counted.
 */
final class AccountRateLimits {

    private final RateLimiter limiter;

    AccountRateLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * Counts one attempt of {@code kind} by {@code accountId}.
     *
     * @param tooFast what the person reads when they are refused
     * @throws InvalidGenerationException 429 when the limit is reached, 503 when it cannot be counted and fails closed
     */
    void check(Tenant tenant, String kind, String accountId, String tooFast) {
        Decision decision;
        try {
            decision = limiter.tryAcquire(tenant.id(), kind, accountId);
        } catch (RateLimiterUnavailableException e) {
            throw InvalidGenerationException.retryLater(503, "This is temporarily unavailable. Please try again in a"
                    + " moment.", RateLimiterUnavailableException.RETRY_AFTER_SECONDS);
        }
        if (!decision.allowed()) {
            throw InvalidGenerationException.retryLater(429, tooFast, Math.max(1, decision.retryAfterSeconds()));
        }
    }
}
