package dev.atelier.plugins.internal;

import dev.atelier.plugins.PluginMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls running in and served by one bundle: the in-flight count lets a replaced bundle drain before it is uninstalled,
 * the counters become its {@link PluginMetrics}.
 */
public final class BundleActivity {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();
    private volatile boolean draining;
    private volatile boolean closed;

    /**
     * Counts a call in, unless the bundle is closed. Incrementing before checking {@code closed} means a drain that
     * saw zero calls after closing cannot miss one that slipped in.
     */
    boolean tryEnter() {
        inFlight.incrementAndGet();
        if (closed) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The plugin code of an entered call has finished (or will never run). */
    void exit() {
        inFlight.decrementAndGet();
    }

    /** Records how a call ended, as the caller saw it. */
    void record(long nanos, boolean failed) {
        calls.increment();
        if (failed) {
            errors.increment();
        }
        totalNanos.add(nanos);
        maxNanos.accumulateAndGet(nanos, Math::max);
    }

    /** Prefer other bundles' services from now on. */
    void startDraining() {
        draining = true;
    }

    /** Take no new calls at all. */
    void close() {
        draining = true;
        closed = true;
    }

    boolean isDraining() {
        return draining;
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits until no call runs in the bundle, at most {@code timeout}; true if it drained. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return true;
    }

    int inFlight() {
        return inFlight.get();
    }

    PluginMetrics metrics() {
        long count = calls.sum();
        double mean = count == 0 ? 0 : totalNanos.sum() / 1e6 / count;
        return new PluginMetrics(count, errors.sum(), inFlight.get(), mean, TimeUnit.NANOSECONDS.toMillis(maxNanos.get()));
    }
}
