package dev.atelier.plugins;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every call the host made into plugins on this node, counted by bundle, bundle version, plugin kind and role (a
 * canary or the current version): calls, errors, durations and the last error with its time. Filled by the one call
 * wrapper ({@link PluginRegistry#call}); read by the operator console, canary decisions and metrics exports.
 * Thread-safe; recording is a few atomic additions.
 *
 * <p>Unlike {@link PluginMetrics}, which start at zero for each installed bundle, these survive blue/green updates
 * (keyed by version) and can be {@link #reset(String) reset} per bundle, so a canary and the version it is compared
 * with count over the same window.
 */
public final class PluginCallStats {

    /** What calls are counted by. */
    public record Key(String bundle, String version, String kind, boolean canary) {}

    /**
     * The calls of one {@link Key} so far.
     *
     * @param errors calls that failed (timeouts included; answers such as "object not found" are not errors)
     * @param lastError the last failure's reason, or {@code null}
     * @param lastErrorAt when it happened, or {@code null}
     */
    public record Snapshot(Key key, long calls, long errors, double meanMillis, long maxMillis, String lastError,
            Instant lastErrorAt) {

        /** Errors per call, 0 to 1; 0 without calls. */
        public double errorRate() {
            return calls == 0 ? 0 : (double) errors / calls;
        }
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public PluginCallStats(Clock clock) {
        this.clock = clock;
    }

    /** Counts one finished call; {@code error} is its failure's reason, or null when it succeeded. */
    public void record(Key key, long nanos, String error) {
        counters.computeIfAbsent(key, k -> new Counter()).record(nanos, error, clock);
    }

    /** Every key's calls, sorted by bundle, version, kind and role. */
    public List<Snapshot> snapshot() {
        return counters.entrySet().stream()
                .map(e -> e.getValue().snapshot(e.getKey()))
                .sorted(Comparator.comparing((Snapshot s) -> s.key().bundle())
                        .thenComparing(s -> s.key().version())
                        .thenComparing(s -> s.key().kind())
                        .thenComparing(s -> s.key().canary()))
                .toList();
    }

    /** The calls of one bundle's versions and kinds. */
    public List<Snapshot> of(String bundle) {
        return snapshot().stream().filter(s -> s.key().bundle().equals(bundle)).toList();
    }

    /** Starts counting one bundle afresh, for example when a canary of it starts. */
    public void reset(String bundle) {
        counters.keySet().removeIf(key -> key.bundle().equals(bundle));
    }

    /** One key's counters. */
    private static final class Counter {
        private final LongAdder calls = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final AtomicLong maxNanos = new AtomicLong();
        private volatile String lastError;
        private volatile Instant lastErrorAt;

        void record(long nanos, String error, Clock clock) {
            if (error != null) {
                // Time before text: a reader that sees the text also sees a time no older than it.
                lastErrorAt = clock.instant();
                lastError = error;
                errors.increment();
            }
            totalNanos.add(nanos);
            maxNanos.accumulateAndGet(nanos, Math::max);
            calls.increment();
        }

        Snapshot snapshot(Key key) {
            long count = calls.sum();
            double mean = count == 0 ? 0 : totalNanos.sum() / 1e6 / count;
            return new Snapshot(key, count, errors.sum(), mean, maxNanos.get() / 1_000_000, lastError, lastErrorAt);
        }
    }
}
