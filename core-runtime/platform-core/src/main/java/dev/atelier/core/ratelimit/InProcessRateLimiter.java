package dev.atelier.core.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RateLimiter} that keeps its buckets (bucket4j, greedy refill) in this JVM: the single-node equivalent used
 * when no Redis is configured. Counts are not shared between nodes or kept across restarts.
 *
 * <p><b>Memory bound.</b> At most {@code maxBuckets} buckets are held (default {@value #DEFAULT_MAX_BUCKETS}, a few
 * hundred bytes each plus the key), however many distinct keys arrive. A bucket untouched for its whole period is full
 * again, so it is dropped without changing any answer: such idle buckets are swept at most once per
 * {@link #SWEEP_INTERVAL} and whenever the map is full. If a flood of distinct keys fills the map with live buckets,
 * the least recently used tenth is evicted; an evicted key starts again with a full allowance, which is the price of
 * staying bounded (a key being hammered is recently used, so it is the last to go).
 */
public final class InProcessRateLimiter implements RateLimiter {

    /** Buckets held at most when not told otherwise. */
    public static final int DEFAULT_MAX_BUCKETS = 100_000;
    /** How often idle buckets are swept while the map is not full. */
    public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(InProcessRateLimiter.class);

    private final RateLimits limits;
    private final Clock clock;
    private final TimeMeter timeMeter;
    private final int maxBuckets;
    private final ConcurrentHashMap<BucketId, Held> buckets = new ConcurrentHashMap<>();
    // Serializes creating buckets and sweeping, so the bound holds under concurrent floods; lookups stay lock-free.
    private final ReentrantLock admission = new ReentrantLock();
    // Orders buckets by recency for eviction; the clock alone cannot, as many calls share one instant.
    private final AtomicLong uses = new AtomicLong();
    private volatile long lastSweepNanos;

    /** Limits from {@code limits}, the system clock and at most {@value #DEFAULT_MAX_BUCKETS} buckets. */
    public InProcessRateLimiter(RateLimits limits) {
        this(limits, Clock.systemUTC(), DEFAULT_MAX_BUCKETS);
    }

    /**
     * @param limits the bucket kinds and their limits
     * @param clock time source for refills and expiry; tests pass one they move by hand
     * @param maxBuckets most buckets held at once, at least 1
     */
    public InProcessRateLimiter(RateLimits limits, Clock clock, int maxBuckets) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1: " + maxBuckets);
        }
        this.maxBuckets = maxBuckets;
        this.timeMeter = new ClockTimeMeter(clock);
        this.lastSweepNanos = timeMeter.currentTimeNanos();
    }

    @Override
    public Decision tryAcquire(String bucketKind, String key) {
        RateLimits.Limit limit = limits.limit(bucketKind);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("rate limit key must not be blank");
        }
        long now = timeMeter.currentTimeNanos();
        // Sweep before the lookup, so this call never uses a bucket it has just dropped.
        if (now - lastSweepNanos >= SWEEP_INTERVAL.toNanos() && admission.tryLock()) {
            try {
                sweepIdle(now);
            } finally {
                admission.unlock();
            }
        }
        BucketId id = new BucketId(bucketKind, key);
        Held held = buckets.get(id);
        if (held == null) {
            held = admit(id, limit, now);
        }
        // A bucket another thread sweeps or evicts meanwhile still answers this call; the next starts afresh.
        held.touch(now, uses.incrementAndGet());
        ConsumptionProbe probe = held.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.allow(probe.getRemainingTokens());
        }
        Duration retryAfter = Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
        LOG.debug("Rate limit reached for bucket kind {}; retry after {}", bucketKind, retryAfter);
        return Decision.refuse(retryAfter);
    }

    /** Buckets held right now; never more than {@code maxBuckets}. */
    public int size() {
        return buckets.size();
    }

    private Held admit(BucketId id, RateLimits.Limit limit, long now) {
        admission.lock();
        try {
            Held existing = buckets.get(id);
            if (existing != null) {
                return existing;
            }
            if (buckets.size() >= maxBuckets || now - lastSweepNanos >= SWEEP_INTERVAL.toNanos()) {
                sweepIdle(now);
            }
            if (buckets.size() >= maxBuckets) {
                evictLeastRecentlyUsed();
            }
            Held created = new Held(newBucket(limit), limit.period().toNanos());
            created.touch(now, uses.incrementAndGet());
            buckets.put(id, created);
            return created;
        } finally {
            admission.unlock();
        }
    }

    private Bucket newBucket(RateLimits.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.attempts())
                        .refillGreedy(limit.attempts(), limit.period())
                        .build())
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    private void sweepIdle(long now) {
        lastSweepNanos = now;
        buckets.values().removeIf(held -> now - held.lastUsedNanos >= held.periodNanos);
    }

    private void evictLeastRecentlyUsed() {
        int target = maxBuckets - Math.max(1, maxBuckets / 10);
        // Snapshot the times first: they move under concurrent lookups, and a sort needs a stable order.
        List<LastUse> lastUses = new ArrayList<>(buckets.size());
        buckets.forEach((id, held) -> lastUses.add(new LastUse(id, held.lastUse)));
        lastUses.sort(Comparator.comparingLong(LastUse::use));
        int toEvict = buckets.size() - target;
        for (int i = 0; i < toEvict && i < lastUses.size(); i++) {
            buckets.remove(lastUses.get(i).id());
        }
        LOG.warn("Rate limiter full with {} live buckets: evicted the {} least recently used; their keys start afresh",
                maxBuckets, toEvict);
    }

    private record BucketId(String kind, String key) {}

    private record LastUse(BucketId id, long use) {}

    private static final class Held {
        final Bucket bucket;
        final long periodNanos;
        volatile long lastUsedNanos;
        volatile long lastUse;

        Held(Bucket bucket, long periodNanos) {
            this.bucket = bucket;
            this.periodNanos = periodNanos;
        }

        void touch(long nanos, long use) {
            lastUsedNanos = nanos;
            lastUse = use;
        }
    }

    /** Reads bucket4j's time from the injected clock, so tests move time by hand. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
