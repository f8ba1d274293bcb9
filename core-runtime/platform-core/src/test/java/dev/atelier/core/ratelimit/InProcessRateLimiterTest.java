package dev.atelier.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testkit.ManualClock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What only the in-process limiter promises: staying bounded in memory. The behaviour both limiters share is checked
 * by one contract test run against each (RateLimiterContract in platform-redis).
 */
class InProcessRateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void staysBoundedUnderAFloodOfDistinctKeys() {
        InProcessRateLimiter bounded = new InProcessRateLimiter(RateLimits.defaults(), clock, 10_000);

        IntStream.range(0, 100_000).forEach(i -> {
            Decision decision = bounded.tryAcquire("t1", RateLimits.SIGNIN_IP, "flood-" + i);
            assertThat(decision.allowed()).isTrue();
        });

        assertThat(bounded.size()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void keyBeingHammeredKeepsItsCountDuringAFlood() {
        InProcessRateLimiter bounded = new InProcessRateLimiter(RateLimits.defaults(), clock, 1_000);
        String attacker = "198.51.100.1";

        for (int i = 0; i < 20_000; i++) {
            bounded.tryAcquire("t1", RateLimits.SIGNIN_IP, "flood-" + i);
            if (i % 100 == 0) {
                bounded.tryAcquire("t1", RateLimits.SIGNIN_IP, attacker);
            }
        }

        assertThat(bounded.tryAcquire("t1", RateLimits.SIGNIN_IP, attacker).allowed()).isFalse();
    }

    @Test
    void dropsIdleBucketsOnceTheyWouldBeFullAgain() {
        InProcessRateLimiter limiter = new InProcessRateLimiter(RateLimits.defaults(), clock, 1_000);
        IntStream.range(0, 500).forEach(i -> limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "ip-" + i));
        assertThat(limiter.size()).isEqualTo(500);

        clock.advance(Duration.ofMinutes(10));
        limiter.tryAcquire("t1", RateLimits.SIGNIN_IP, "late");

        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void reportsItselfAsAlwaysReachable() {
        assertThat(new InProcessRateLimiter(RateLimits.defaults()).status()).isEqualTo(RateLimiterStatus.inProcess());
    }
}
