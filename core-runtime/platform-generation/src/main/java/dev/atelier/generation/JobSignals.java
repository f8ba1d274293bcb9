package dev.atelier.generation;

import dev.atelier.generation.jobs.Job;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Wakes whoever follows a job on this node when its worker here reports progress or settles it, so followers need not
 * read the job's row over and over. Changes made here are also handed to the relay (the cluster events), and changes
 * the other nodes relay arrive through {@link #changedElsewhere}. A follower either waits on a thread
 * ({@link #await}, which returns after at most {@code max}) or {@linkplain #listen listens}, holding no thread: the
 * progress event streams listen, since thousands may follow at once.
 */
public final class JobSignals {

    /** Enough that jobs followed at the same time rarely share a stripe; sharing one only costs a read. */
    private static final int STAMP_STRIPES = 4096;

    private final ConcurrentMap<String, Object> monitors = new ConcurrentHashMap<>();
    private final AtomicLongArray stamps = new AtomicLongArray(STAMP_STRIPES);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> relay = jobId -> { };

    /** What a listener is told of each change. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param jobId the job that changed
         * @param now the job as this change left it, when the code that made the change here had it at hand; null
         *     otherwise (read the job)
         * @param stamp the job's {@link #stamp} as this change left it: {@code now} is still current while the
         *     stamp has not moved on
         */
        void changed(String jobId, Job now, long stamp);
    }

    /** Something about {@code jobId} changed on this node: wakes its followers here and tells the relay. */
    public void changed(String jobId) {
        wake(jobId, null);
        relay.accept(jobId);
    }

    /**
     * {@link #changed(String)}, with the job as the change left it: followers here may show it without reading the
     * job again.
     */
    public void changed(Job now) {
        wake(now.id(), now);
        relay.accept(now.id());
    }

    /** Something about {@code jobId} changed on another node: wakes its followers here only. */
    public void changedElsewhere(String jobId) {
        wake(jobId, null);
    }

    /** Hands every change made on this node to {@code relay} as well (replacing any earlier relay). */
    public void relayTo(Consumer<String> relay) {
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    /**
     * Calls {@code listener} with every job that changes, here or elsewhere, on the thread that reports the change (a
     * worker, or the cluster events' receiver): the listener must return at once and do its work elsewhere.
     */
    public void listen(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A number that changes whenever {@code jobId} changes (here or elsewhere) and may change for other jobs too: a
     * reader who took it before reading the job and finds it unchanged afterwards knows no change came in between.
     */
    public long stamp(String jobId) {
        return stamps.get(stripe(jobId));
    }

    private static int stripe(String jobId) {
        return (jobId.hashCode() & Integer.MAX_VALUE) % STAMP_STRIPES;
    }

    private void wake(String jobId, Job now) {
        // Before the listeners run: one that compares stamps must see this change's.
        long stamp = stamps.incrementAndGet(stripe(jobId));
        for (Listener listener : listeners) {
            listener.changed(jobId, now, stamp);
        }
        Object monitor = monitors.get(jobId);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Waits until {@code jobId} changes on this node, or {@code max} passed. */
    public void await(String jobId, Duration max) throws InterruptedException {
        Object monitor = monitors.computeIfAbsent(jobId, id -> new Object());
        synchronized (monitor) {
            monitor.wait(Math.max(1, max.toMillis()));
        }
        // Monitors of jobs nobody follows any more are dropped; a follower that comes later makes a new one.
        monitors.remove(jobId, monitor);
    }
}
