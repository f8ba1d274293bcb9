package dev.atelier.generation;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes whoever follows a job on this node (event streams) when its worker here reports progress or settles it, so
 * followers need not read the job's row over and over. Changes made here are also handed to the relay (the cluster
 * events), and changes the other nodes relay arrive through {@link #changedElsewhere}; without either, followers
 * notice a job run elsewhere by their own periodic read ({@link #await} returns after at most {@code max}).
 */
public final class JobSignals {

    private final ConcurrentMap<String, Object> monitors = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<String> relay = jobId -> { };

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
    public void relayTo(java.util.function.Consumer<String> relay) {
        this.relay = java.util.Objects.requireNonNull(relay, "relay");
    }

    private void wake(String jobId) {
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
