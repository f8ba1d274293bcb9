package dev.atelier.redis;

import dev.atelier.core.ratelimit.LimitSource;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.testkit.TestRedis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The rate-limiter contract, kept by the limiter every node shares through Redis. */
class RedisRateLimiterContractTest extends RateLimiterContract {

    private static TestRedis server;
    private Redis redis;
    private final List<RedisRateLimiter> limiters = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        server = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void connect() {
        redis = Redis.at(server.url());
        redis.connection().sync().flushall();
    }

    @AfterEach
    void close() {
        limiters.forEach(RedisRateLimiter::close);
        redis.close();
    }

    @Override
    protected RateLimiter limiter(RateLimits failModes, LimitSource limits) {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, failModes, limits, clock);
        limiters.add(limiter);
        return limiter;
    }
}
