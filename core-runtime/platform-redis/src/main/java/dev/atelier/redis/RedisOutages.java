package dev.atelier.redis;

import dev.atelier.core.ratelimit.RateLimiterStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether rate limits can reach Redis, and what its outages cost: logged once when an outage starts and once when it
 * ends (never per request, which would flood the log just when it matters), and counted for the operator.
 */
final class RedisOutages {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOutages.class);

    private final String backend;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong failedOpen = new AtomicLong();
    private final AtomicLong failedClosed = new AtomicLong();
    private final AtomicLong openAtStart = new AtomicLong();
    private final AtomicLong closedAtStart = new AtomicLong();

    RedisOutages(String backend) {
        this.backend = backend;
    }

    /** A decision reached Redis. */
    void reached() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("Rate limits reach Redis at {} again: {} attempts were let through uncounted and {} refused while"
                    + " it was unreachable", backend, failedOpen.get() - openAtStart.get(),
                    failedClosed.get() - closedAtStart.get());
        }
    }

    /** A decision could not reach Redis; {@code closed} says whether it was refused. */
    void failed(String tenantId, String kind, boolean closed, RuntimeException cause) {
        (closed ? failedClosed : failedOpen).incrementAndGet();
        if (down.compareAndSet(false, true)) {
            outages.incrementAndGet();
            openAtStart.set(failedOpen.get() - (closed ? 0 : 1));
            closedAtStart.set(failedClosed.get() - (closed ? 1 : 0));
            LOG.warn("Rate limits cannot reach Redis at {} (first seen on tenant {}, kind {}): {}. Until it is back,"
                    + " kinds that fail open are let through uncounted and kinds that fail closed are answered 503;"
                    + " the client reconnects by itself", backend, tenantId, kind, cause.toString());
        }
    }

    RateLimiterStatus status() {
        return new RateLimiterStatus(backend, !down.get(), outages.get(), failedOpen.get(), failedClosed.get());
    }
}
