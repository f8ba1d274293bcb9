package dev.atelier.cluster;

/**
 * A vendor's message (webhook) for a running job arrived at a node, possibly not the one running the job: that node's
 * worker reads it at once instead of at its next periodic look. Transient: a worker that misses one reads the message
 * on that look.
 *
 * @param jobId the job the message is for
 */
public record CallbackReceived(String jobId) implements ClusterEvent {

    /** The event's name on the wire. */
    public static final String KIND = "callback.received";

    @Override
    public boolean durable() {
        return false;
    }
}
