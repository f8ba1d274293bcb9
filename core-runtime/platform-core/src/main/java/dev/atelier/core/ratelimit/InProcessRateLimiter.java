package dev.atelier.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RateLimiter} that keeps its buckets (bucket4j, greedy refill) in this JVM: the single-node equivalent used
 * when no Redis is configured. Counts are not shared between nodes or kept across restarts.
 *
 * <p><b>Memory bound.</b> Buckets live in a Caffeine cache of at most {@code maxBuckets} entries (default
 * {@value #DEFAULT_MAX_BUCKETS}, a few hundred bytes each plus the key), however many distinct keys arrive. A bucket
 * untouched for its whole period is full again, so it expires then without changing any answer. If a flood of
 * distinct keys fills the cache, Caffeine evicts by frequency and recency (W-TinyLFU): a key being hammered is the last
 * to go, and an evicted key starts again with a full allowance, which is the price of staying bounded.
 *
 * <p>A bucket's identity includes its limit, so a tenant whose limit changes starts counting afresh under the new one.
 */
public final class InProcessRateLimiter implements RateLimiter {

    /** Buckets held at most when not told otherwise. */
    public static final int DEFAULT_MAX_BUCKETS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(InProcessRateLimiter.class);

    private final LimitSource limits;
    private final ClockTimeMeter timeMeter;
    private final Cache<BucketId, Bucket> buckets;

    /** Limits from {@code limits}, the system clock and at most {@value #DEFAULT_MAX_BUCKETS} buckets. */
    public InProcessRateLimiter(LimitSource limits) {
        this(limits, Clock.systemUTC(), DEFAULT_MAX_BUCKETS);
    }

    /**
     * @param limits the limit of each bucket kind, per tenant
     * @param clock time source for refills and expiry; tests pass one they move by hand
     * @param maxBuckets most buckets held at once, at least 1
     */
    public InProcessRateLimiter(LimitSource limits, Clock clock, int maxBuckets) {
        this.limits = Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1: " + maxBuckets);
        }
        this.timeMeter = new ClockTimeMeter(clock);
        Ticker ticker = timeMeter::currentTimeNanos;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfter(Expiry.accessing((BucketId id, Bucket bucket) -> id.limit().period()))
                .ticker(ticker)
                // Evict on the calling thread: the bound holds at once, and no pool thread is needed for it.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Decision tryAcquire(String tenantId, String bucketKind, String key) {
        RateLimits.Limit limit = limits.limit(tenantId, bucketKind);
        RateLimiter.requireTenantAndKey(tenantId, key);
        Bucket bucket = buckets.get(new BucketId(bucketKind, tenantId, limit, key), id -> newBucket(id.limit()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, Duration.ZERO, probe.getRemainingTokens());
        }
        Duration retryAfter = Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
        LOG.debug("Rate limit reached for bucket kind {} on tenant {}; retry after {}", bucketKind, tenantId,
                retryAfter);
        return new Decision(false, retryAfter, 0);
    }

    @Override
    public RateLimiterStatus status() {
        return RateLimiterStatus.inProcess();
    }

    /** Buckets held right now (after pending expiries and evictions); never more than {@code maxBuckets}. */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
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

    private record BucketId(String kind, String tenantId, RateLimits.Limit limit, String key) {}
}
