package dev.atelier.generation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Wakes whoever follows a job on this node when its worker here reports progress or settles it, so followers need not
 * read the job's row over and over. Changes made here are also handed to the relay (the cluster events), and changes
 * the other nodes relay arrive through {@link #changedElsewhere}. A follower either waits on a thread
 * ({@link #await}, which returns after at most {@code max}) or {@linkplain #listen listens}, holding no thread: the
 * progress event streams listen, since thousands may follow at once.
 */
public final class JobSignals {

    private final ConcurrentMap<String, Object> monitors = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> relay = jobId -> { };

    /** Something about {@code jobId} changed on this node: wakes its followers here and tells the relay. */
    public void changed(String jobId) {
        wake(jobId);
        relay.accept(jobId);
    }

    /** Something about {@code jobId} changed on another node: wakes its followers here only. */
    public void changedElsewhere(String jobId) {
        wake(jobId);
    }

    /** Hands every change made on this node to {@code relay} as well (replacing any earlier relay). */
    public void relayTo(Consumer<String> relay) {
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    /**
     * Calls {@code listener} with the id of every job that changes, here or elsewhere, on the thread that reports the
     * change (a worker, or the cluster events' receiver): the listener must return at once and do its work elsewhere.
     */
    public void listen(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void wake(String jobId) {
        for (Consumer<String> listener : listeners) {
            listener.accept(jobId);
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
