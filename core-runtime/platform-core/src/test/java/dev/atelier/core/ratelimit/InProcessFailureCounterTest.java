package dev.atelier.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessFailureCounterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final FailureCounter counter = new InProcessFailureCounter(Duration.ofMinutes(15), ticker);

    @Test
    void countsARunOfFailuresPerKeyUntilCleared() {
        assertThat(counter.failed("t1:ip:a")).isEqualTo(1);
        assertThat(counter.failed("t1:ip:a")).isEqualTo(2);

        assertThat(counter.count("t1:ip:a")).isEqualTo(2);
        assertThat(counter.count("t1:ip:b")).isZero();

        counter.clear("t1:ip:a");
        assertThat(counter.count("t1:ip:a")).isZero();
    }

    @Test
    void aRunIsForgottenAWindowAfterItsLastFailure() {
        counter.failed("k");
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        counter.failed("k");
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(counter.count("k")).as("ten minutes after the last failure").isEqualTo(2);

        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        assertThat(counter.count("k")).isZero();
    }
}
