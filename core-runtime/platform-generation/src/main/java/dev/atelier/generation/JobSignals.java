package dev.atelier.generation;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes whoever follows a job on this node (event streams) when its worker here reports progress or settles it, so
 * followers need not read the job's row over and over. Jobs run by another node are noticed by the followers' own
 * periodic read instead ({@link #await} returns after at most {@code max} either way).
 */
public final class JobSignals {

    private final ConcurrentMap<String, Object> monitors = new ConcurrentHashMap<>();

    /** Something about {@code jobId} changed. */
    public void changed(String jobId) {
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
