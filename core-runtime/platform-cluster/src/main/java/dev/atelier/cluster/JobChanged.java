package dev.atelier.cluster;

/**
 * A generation job progressed or finished on the node running it: nodes wake whoever follows the job (event
 * streams), so a stream on a web node sees a job finished on a worker node at once. Transient: a follower that misses
 * one notices the change on its own next read.
 *
 * @param jobId the job
 */
public record JobChanged(String jobId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "job.changed";

    @Override
    public boolean durable() {
        return false;
    }
}
