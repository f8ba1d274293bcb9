package dev.atelier.redis;

import dev.atelier.core.ratelimit.InProcessRateLimiter;
import dev.atelier.core.ratelimit.LimitSource;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;

/** The rate-limiter contract, kept by the limiter of a node without Redis. */
class InProcessRateLimiterContractTest extends RateLimiterContract {

    @Override
    protected RateLimiter limiter(RateLimits failModes, LimitSource limits) {
        return new InProcessRateLimiter(limits, clock, 1_000);
    }
}
