package dev.atelier.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.LimitSource;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} promises, whether it counts in this JVM or in Redis: the same interface, the same
 * tests. A subclass supplies one implementation.
 */
abstract class RateLimiterContract {

    protected final ManualClock clock = new ManualClock();

    /** A limiter with {@code limits} and {@code failModes}, reading time from {@link #clock}. */
    protected abstract RateLimiter limiter(RateLimits failModes, LimitSource limits);

    private RateLimiter limiter() {
        return limiter(RateLimits.defaults(), RateLimits.defaults());
    }

    @Test
    void allowsUpToTheLimitThenRefusesWithRetryAfter() {
        RateLimiter limiter = limiter();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Decision decision = limiter.tryAcquire("t1", RateLimits.RESET_ACCOUNT, "acc-1");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(3 - attempt);
            assertThat(decision.retryAfter()).isZero();
        }

        Decision refused = limiter.tryAcquire("t1", RateLimits.RESET_ACCOUNT, "acc-1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // 3 per hour come back one every 20 minutes.
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(20).toSeconds());
    }

    @Test
    void refusedAttemptsDoNotDelayTheRetry() {
        RateLimiter limiter = limiter();
        exhaust(limiter, "t1", RateLimits.RESET_ACCOUNT, "acc-1", 3);
        clock.advance(Duration.ofMinutes(5));

        Decision refused = limiter.tryAcquire("t1", RateLimits.RESET_ACCOUNT, "acc-1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void allowsAgainOnceRetryAfterHasPassed() {
        RateLimiter limiter = limiter();
        exhaust(limiter, "t1", RateLimits.SIGNIN_IP, "203.0.113.7", 20);
        Decision refused = limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "203.0.113.7");

        clock.advance(refused.retryAfter());

        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "203.0.113.7").allowed()).isTrue();
        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "203.0.113.7").allowed()).isFalse();
    }

    @Test
    void refillsTheWholeAllowanceAfterTheWindow() {
        RateLimiter limiter = limiter();
        exhaust(limiter, "t1", RateLimits.SIGNIN_ACCOUNT_IP, "acc-1", 10);
        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNIN_ACCOUNT_IP, "acc-1").allowed()).isFalse();

        clock.advance(Duration.ofMinutes(15));

        exhaust(limiter, "t1", RateLimits.SIGNIN_ACCOUNT_IP, "acc-1", 10);
        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNIN_ACCOUNT_IP, "acc-1").allowed()).isFalse();
    }

    @Test
    void keysAreCountedSeparately() {
        RateLimiter limiter = limiter();
        exhaust(limiter, "t1", RateLimits.SIGNUP_IP, "203.0.113.7", 10);
        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isFalse();

        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.8").allowed()).isTrue();
    }

    @Test
    void tenantsNeverShareACount() {
        RateLimiter limiter = limiter();
        exhaust(limiter, "t1", RateLimits.SIGNUP_IP, "203.0.113.7", 10);
        assertThat(limiter.tryAcquire("t1", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isFalse();

        // The same IP on another tenant is another count, and so is a key that looks like a scoped one.
        assertThat(limiter.tryAcquire("t2", RateLimits.SIGNUP_IP, "203.0.113.7").allowed()).isTrue();
        assertThat(limiter.tryAcquire("t1:203.0.113", RateLimits.SIGNUP_IP, "7").remaining()).isEqualTo(9);
    }

    @Test
    void kindsAreCountedSeparatelyForTheSameKey() {
        RateLimiter limiter = limiter();
        exhaust(limiter, "t1", RateLimits.RESET_IP, "203.0.113.7", 10);
        assertThat(limiter.tryAcquire("t1", RateLimits.RESET_IP, "203.0.113.7").allowed()).isFalse();

        Decision signIn = limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "203.0.113.7");

        assertThat(signIn.allowed()).isTrue();
        assertThat(signIn.remaining()).isEqualTo(19);
    }

    @Test
    void aTenantsOwnLimitAppliesToItAlone() {
        RateLimits platform = RateLimits.defaults();
        LimitSource perTenant = (tenant, kind) -> tenant.equals("strict") && kind.equals(RateLimits.CHECKOUT)
                ? new RateLimits.Limit(2, Duration.ofHours(1)) : platform.limit(kind);
        RateLimiter limiter = limiter(platform, perTenant);

        exhaust(limiter, "strict", RateLimits.CHECKOUT, "acc-1", 2);
        assertThat(limiter.tryAcquire("strict", RateLimits.CHECKOUT, "acc-1").allowed()).isFalse();

        assertThat(limiter.tryAcquire("relaxed", RateLimits.CHECKOUT, "acc-1").remaining()).isEqualTo(9);
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheLimit() throws Exception {
        RateLimiter limiter = limiter();
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(callers.submit(() -> {
                    if (limiter.tryAcquire("t1", RateLimits.UPLOAD, "acc-1").allowed()) {
                        allowed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(allowed).hasValue(20);
    }

    @Test
    void refusesAnUnknownBucketKind() {
        assertThatThrownBy(() -> limiter().tryAcquire("t1", "signin-everything", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signin-everything")
                .hasMessageContaining(RateLimits.SIGNIN_IP);
    }

    @Test
    void refusesABlankKeyOrTenant() {
        RateLimiter limiter = limiter();
        assertThatThrownBy(() -> limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire("", RateLimits.SIGNIN_IP, "203.0.113.7"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void exhaust(RateLimiter limiter, String tenant, String kind, String key, int attempts) {
        for (int i = 0; i < attempts; i++) {
            assertThat(limiter.tryAcquire(tenant, kind, key).allowed()).as("attempt %d of %d", i + 1, attempts)
                    .isTrue();
        }
    }
}
