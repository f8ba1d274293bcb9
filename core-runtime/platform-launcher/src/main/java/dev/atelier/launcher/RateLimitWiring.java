package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.ratelimit.FailureCounter;
import dev.atelier.core.ratelimit.InProcessFailureCounter;
import dev.atelier.core.ratelimit.InProcessRateLimiter;
import dev.atelier.core.ratelimit.LimitSource;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.ratelimit.TenantRateLimits;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.redis.Redis;
import dev.atelier.redis.RedisFailureCounter;
import dev.atelier.redis.RedisRateLimiter;
import dev.atelier.web.bots.FailedSignIns;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the node's one rate limiter and its failed sign-in counts: counted in Redis when {@code atelier.redis.url} is
 * set, else in process.
 */
final class RateLimitWiring {

    private RateLimitWiring() {}

    /**
     * The platform's limits: the defaults, the upload rate of {@code atelier.uploads.per-minute}, then
     * {@code atelier.rate-limits} and {@code atelier.rate-limits.fail-closed}.
     *
     * @throws IllegalArgumentException naming the setting and what is wrong with it
     */
    static RateLimits platformLimits(AtelierConfig config) {
        RateLimits limits = RateLimits.defaults().with(RateLimits.UPLOAD,
                new RateLimits.Limit(config.get(Keys.UPLOADS_PER_MINUTE), Duration.ofMinutes(1)));
        try {
            limits = limits.withOverrides(config.get(Keys.RATE_LIMITS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Keys.RATE_LIMITS.name() + ": " + e.getMessage(), e);
        }
        try {
            return limits.withFailClosed(config.get(Keys.RATE_LIMITS_FAIL_CLOSED));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Keys.RATE_LIMITS_FAIL_CLOSED.name() + ": " + e.getMessage(), e);
        }
    }

    /** The limiter every node shares through {@code redis}, or this node's own when there is none. */
    static RateLimiter limiter(RateLimits platform, TenantDirectory tenants, Optional<Redis> redis) {
        LimitSource perTenant = new TenantRateLimits(tenants, platform);
        return redis.<RateLimiter>map(r -> new RedisRateLimiter(r, platform, perTenant, Clock.systemUTC()))
                .orElseGet(() -> new InProcessRateLimiter(perTenant));
    }

    /** Failed sign-ins counted in {@code redis} for every node, or in this node when there is none. */
    static FailureCounter failedSignIns(Optional<Redis> redis) {
        return redis.<FailureCounter>map(r -> new RedisFailureCounter(r, FailedSignIns.WINDOW))
                .orElseGet(() -> new InProcessFailureCounter(FailedSignIns.WINDOW));
    }
}
