package dev.atelier.core.ratelimit;

import dev.atelier.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest {

    private final ManualClock clock = new ManualClock();
    private final InProcessRateLimiter limiter = new InProcessRateLimiter(RateLimits.defaults(), clock, 1_000);

    @Test
    void allowsUpToTheLimitThenRefusesWithRetryAfter() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Decision decision = limiter.tryAcquire(RateLimits.RESET_ACCOUNT, "acc-1");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(3 - attempt);
            assertThat(decision.retryAfter()).isZero();
        }

        Decision refused = limiter.tryAcquire(RateLimits.RESET_ACCOUNT, "acc-1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // 3 per hour come back one every 20 minutes.
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(20).toSeconds());
    }

    @Test
    void refusedAttemptsDoNotDelayTheRetry() {
        exhaust(RateLimits.RESET_ACCOUNT, "acc-1", 3);
        clock.advance(Duration.ofMinutes(5));

        Decision refused = limiter.tryAcquire(RateLimits.RESET_ACCOUNT, "acc-1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void allowsAgainOnceRetryAfterHasPassed() {
        exhaust(RateLimits.SIGNIN_IP, "t1:203.0.113.7", 20);
        Decision refused = limiter.tryAcquire(RateLimits.SIGNIN_IP, "t1:203.0.113.7");

        clock.advance(refused.retryAfter());

        assertThat(limiter.tryAcquire(RateLimits.SIGNIN_IP, "t1:203.0.113.7").allowed()).isTrue();
        assertThat(limiter.tryAcquire(RateLimits.SIGNIN_IP, "t1:203.0.113.7").allowed()).isFalse();
    }

    @Test
    void refillsTheWholeAllowanceAfterTheWindow() {
        exhaust(RateLimits.SIGNIN_ACCOUNT_IP, "acc-1", 10);
        assertThat(limiter.tryAcquire(RateLimits.SIGNIN_ACCOUNT_IP, "acc-1").allowed()).isFalse();

        clock.advance(Duration.ofMinutes(15));

        exhaust(RateLimits.SIGNIN_ACCOUNT_IP, "acc-1", 10);
        assertThat(limiter.tryAcquire(RateLimits.SIGNIN_ACCOUNT_IP, "acc-1").allowed()).isFalse();
    }

    @Test
    void keysAreCountedSeparately() {
        exhaust(RateLimits.SIGNUP_IP, "t1:203.0.113.7", 10);
        assertThat(limiter.tryAcquire(RateLimits.SIGNUP_IP, "t1:203.0.113.7").allowed()).isFalse();

        assertThat(limiter.tryAcquire(RateLimits.SIGNUP_IP, "t1:203.0.113.8").allowed()).isTrue();
        // The same IP on another tenant is another key.
        assertThat(limiter.tryAcquire(RateLimits.SIGNUP_IP, "t2:203.0.113.7").allowed()).isTrue();
    }

    @Test
    void kindsAreCountedSeparatelyForTheSameKey() {
        exhaust(RateLimits.RESET_IP, "t1:203.0.113.7", 10);
        assertThat(limiter.tryAcquire(RateLimits.RESET_IP, "t1:203.0.113.7").allowed()).isFalse();

        Decision signIn = limiter.tryAcquire(RateLimits.SIGNIN_IP, "t1:203.0.113.7");

        assertThat(signIn.allowed()).isTrue();
        assertThat(signIn.remaining()).isEqualTo(19);
    }

    @Test
    void refusesAnUnknownBucketKind() {
        assertThatThrownBy(() -> limiter.tryAcquire("signin-everything", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signin-everything")
                .hasMessageContaining(RateLimits.SIGNIN_IP);
    }

    @Test
    void refusesABlankKey() {
        assertThatThrownBy(() -> limiter.tryAcquire(RateLimits.SIGNIN_IP, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staysBoundedUnderAFloodOfDistinctKeys() {
        InProcessRateLimiter bounded = new InProcessRateLimiter(RateLimits.defaults(), clock, 10_000);

        IntStream.range(0, 100_000).forEach(i -> {
            Decision decision = bounded.tryAcquire(RateLimits.SIGNIN_IP, "t1:flood-" + i);
            assertThat(decision.allowed()).isTrue();
            assertThat(bounded.size()).isLessThanOrEqualTo(10_000);
        });
    }

    @Test
    void keyBeingHammeredKeepsItsCountDuringAFlood() {
        InProcessRateLimiter bounded = new InProcessRateLimiter(RateLimits.defaults(), clock, 1_000);
        String attacker = "t1:198.51.100.1";

        for (int i = 0; i < 20_000; i++) {
            bounded.tryAcquire(RateLimits.SIGNIN_IP, "t1:flood-" + i);
            if (i % 100 == 0) {
                bounded.tryAcquire(RateLimits.SIGNIN_IP, attacker);
            }
        }

        assertThat(bounded.tryAcquire(RateLimits.SIGNIN_IP, attacker).allowed()).isFalse();
    }

    @Test
    void dropsIdleBucketsOnceTheyWouldBeFullAgain() {
        IntStream.range(0, 500).forEach(i -> limiter.tryAcquire(RateLimits.SIGNIN_IP, "t1:ip-" + i));
        assertThat(limiter.size()).isEqualTo(500);

        clock.advance(Duration.ofMinutes(10));
        limiter.tryAcquire(RateLimits.SIGNIN_IP, "t1:late");

        assertThat(limiter.size()).isEqualTo(1);
    }

    private void exhaust(String kind, String key, int attempts) {
        for (int i = 0; i < attempts; i++) {
            assertThat(limiter.tryAcquire(kind, key).allowed()).as("attempt %d of %d", i + 1, attempts).isTrue();
        }
    }
}
