package dev.atelier.redis;

import dev.atelier.core.ratelimit.ClockTimeMeter;
import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.LimitSource;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimiterStatus;
import dev.atelier.core.ratelimit.RateLimiterUnavailableException;
import dev.atelier.core.ratelimit.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link RateLimiter} whose buckets live in Redis, so every node counts the same attempts: bucket4j's token buckets
 * (greedy refill, the same arithmetic as the in-process limiter) kept through its Lettuce integration, each bucket
 * updated by an atomic compare-and-swap script.
 *
 * <p><b>Keys.</b> A bucket is stored under {@value #KEY_PREFIX}{@code <kind>:<tenant id>:<limit>:<digest>}, where the
 * digest is a SHA-256 of the caller's key: IP addresses and emails are neither stored in Redis nor logged, two tenants
 * never share a bucket, and a changed limit starts a fresh bucket. Buckets expire once they would be full again.
 *
 * <p><b>Redis down.</b> Commands fail at once while the client is disconnected and time out after
 * {@link Redis#COMMAND_TIMEOUT}, so no decision waits longer. A kind that fails closed
 * ({@link RateLimits#failsClosed}) then throws {@link RateLimiterUnavailableException}; any other kind is let through
 * uncounted. The outage is logged once when it starts and once when it ends, and counted in {@link #status()}. The
 * client reconnects by itself; counting resumes with the next decision.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    /** What every rate-limit key in Redis starts with. */
    public static final String KEY_PREFIX = "atelier:rl:";

    private final Redis redis;
    private final RateLimits platform;
    private final LimitSource limits;
    private final ClockTimeMeter timeMeter;
    private final RedisOutages outages;
    // One thread connects; the others wait for it at most one command timeout, as they would for a command.
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    /** The platform's limits for every tenant, on the system clock. */
    public RedisRateLimiter(Redis redis, RateLimits platform) {
        this(redis, platform, platform, Clock.systemUTC());
    }

    /**
     * @param redis the shared Redis
     * @param platform the platform's limits and which kinds fail closed
     * @param limits each tenant's limits (usually {@link dev.atelier.core.ratelimit.TenantRateLimits} over
     *     {@code platform})
     * @param clock time source for refills; every node should agree on it within a second (tests move it by hand)
     */
    public RedisRateLimiter(Redis redis, RateLimits platform, LimitSource limits, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.timeMeter = new ClockTimeMeter(Objects.requireNonNull(clock, "clock"));
        this.outages = new RedisOutages(redis.describe());
    }

    @Override
    public Decision tryAcquire(String tenantId, String bucketKind, String key) {
        RateLimits.Limit limit = limits.limit(tenantId, bucketKind);
        RateLimiter.requireTenantAndKey(tenantId, key);
        ConsumptionProbe probe;
        try {
            probe = buckets().builder()
                    .build(redisKey(bucketKind, tenantId, limit, key), () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RedisException | TimeoutException e) {
            // Only Redis being unreachable or slow: any other failure is a bug and surfaces as one.
            return unreachable(tenantId, bucketKind, limit, e);
        }
        outages.reached();
        if (probe.isConsumed()) {
            return new Decision(true, Duration.ZERO, probe.getRemainingTokens());
        }
        return new Decision(false, Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())), 0);
    }

    @Override
    public RateLimiterStatus status() {
        return outages.status();
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
    }

    private Decision unreachable(String tenantId, String kind, RateLimits.Limit limit, RuntimeException cause) {
        boolean closed = platform.failsClosed(kind);
        outages.failed(tenantId, kind, closed, cause);
        if (closed) {
            throw new RateLimiterUnavailableException(kind, cause);
        }
        return new Decision(true, Duration.ZERO, limit.attempts() - 1);
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> ready = buckets;
        if (ready != null) {
            return ready;
        }
        try {
            if (!connecting.tryLock(Redis.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RedisConnectionException("Redis connection is still being opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisConnectionException("Interrupted while Redis connection was being opened", e);
        }
        try {
            if (buckets == null) {
                StatefulRedisConnection<String, byte[]> opened = redis.client()
                        .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                connection = opened;
                buckets = Bucket4jLettuce.casBasedBuilder(opened)
                        .clientClock(timeMeter)
                        .requestTimeout(Redis.COMMAND_TIMEOUT)
                        // Kept a little past the moment a bucket would be full, so clocks a bit apart agree.
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                        .build();
            }
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    private static BucketConfiguration configuration(RateLimits.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.attempts())
                        .refillGreedy(limit.attempts(), limit.period())
                        .build())
                .build();
    }

    /** The Redis key of a bucket; the caller's key only as a digest. */
    static String redisKey(String kind, String tenantId, RateLimits.Limit limit, String key) {
        return KEY_PREFIX + kind + ":" + tenantId + ":" + limit.text() + ":" + digest(key);
    }

    /** A key as Redis keeps it: the first 128 bits of its SHA-256, so addresses and emails are never stored. */
    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            // 128 bits: collisions between keys are out of reach, and the key stays short.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
