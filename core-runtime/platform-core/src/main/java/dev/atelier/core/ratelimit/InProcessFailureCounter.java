package dev.atelier.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Failure runs counted in this JVM: right for one node; with several, each counts only the failures it saw. Bounded:
 * beyond {@value #MAX_KEYS} keys the least used runs are dropped first, so a flood of addresses keeps memory flat.
 */
public final class InProcessFailureCounter implements FailureCounter {

    static final int MAX_KEYS = 100_000;

    private final Cache<String, Long> runs;

    public InProcessFailureCounter(Duration window) {
        this(window, Ticker.systemTicker());
    }

    /** With the ticker runs are timed by (tests move it by hand). */
    public InProcessFailureCounter(Duration window, Ticker ticker) {
        // Expiry counts from each write, so a run lasts until window has passed since its last failure.
        this.runs = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(window).ticker(ticker).build();
    }

    @Override
    public long failed(String key) {
        return runs.asMap().merge(key, 1L, Long::sum);
    }

    @Override
    public long count(String key) {
        Long count = runs.getIfPresent(key);
        return count == null ? 0 : count;
    }

    @Override
    public void clear(String key) {
        runs.invalidate(key);
    }
}
