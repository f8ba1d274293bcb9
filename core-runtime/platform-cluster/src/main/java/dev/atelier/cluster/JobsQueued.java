package dev.atelier.cluster;

/**
 * A generation job was queued on the node that took the submission: idle workers on every node look for it at once
 * instead of at their next periodic look. Transient: a worker that misses one finds the job on that look.
 */
public record JobsQueued() implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "jobs.queued";

    @Override
    public boolean durable() {
        return false;
    }
}
