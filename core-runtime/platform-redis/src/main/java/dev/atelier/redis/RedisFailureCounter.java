package dev.atelier.redis;

import dev.atelier.core.ratelimit.FailureCounter;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failure runs counted in Redis, so every node sees every node's failures: a counter per key that each failure raises
 * and sets to expire {@code window} later, in one script so the two never come apart. Keys are stored as digests.
 *
 * <p>While Redis cannot be reached, failures are not counted and {@link #count} answers {@link Long#MAX_VALUE} (the
 * safe side: a challenge is asked for); the outage is logged once when it starts and once when it ends.
 */
public final class RedisFailureCounter implements FailureCounter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisFailureCounter.class);
    private static final String PREFIX = "atelier:fail:";
    private static final String RAISE = "local n = redis.call('INCR', KEYS[1]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[1]) return n";

    private final Redis redis;
    private final String window;
    private final AtomicBoolean down = new AtomicBoolean();

    public RedisFailureCounter(Redis redis, Duration window) {
        this.redis = redis;
        this.window = String.valueOf(window.toMillis());
    }

    @Override
    public long failed(String key) {
        try {
            Long count = redis.connection().sync().eval(RAISE, ScriptOutputType.INTEGER, new String[] {redisKey(key)},
                    window);
            reached();
            return count;
        } catch (RedisException e) {
            unreachable(e);
            return Long.MAX_VALUE;
        }
    }

    @Override
    public long count(String key) {
        try {
            String count = redis.connection().sync().get(redisKey(key));
            reached();
            return count == null ? 0 : Long.parseLong(count);
        } catch (RedisException e) {
            unreachable(e);
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void clear(String key) {
        try {
            redis.connection().sync().del(redisKey(key));
            reached();
        } catch (RedisException e) {
            // The run then expires by itself; meanwhile its owner may be asked for a challenge once more.
            unreachable(e);
        }
    }

    static String redisKey(String key) {
        return PREFIX + RedisRateLimiter.digest(key);
    }

    private void reached() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("Failed sign-ins are counted in Redis at {} again", redis.describe());
        }
    }

    private void unreachable(RedisException cause) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("Failed sign-ins cannot be counted in Redis at {}: {}. Until it is back, sign-in asks every"
                    + " tenant's visitors for its bot challenge where the tenant has one", redis.describe(),
                    cause.toString());
        }
    }
}
