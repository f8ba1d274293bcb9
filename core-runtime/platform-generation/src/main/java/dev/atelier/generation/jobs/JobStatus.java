package dev.atelier.generation.jobs;

/** Where a generation job stands. QUEUED and RUNNING may change; the others are final. */
public enum JobStatus {
    /** Waiting for a worker; its credits are held. */
    QUEUED,
    /** A worker holds it under a lease. */
    RUNNING,
    /** Finished with outputs; its credits were captured. */
    SUCCEEDED,
    /** Ended with an error; its credits were released. */
    FAILED,
    /** Canceled by its owner; its credits were released. */
    CANCELED,
    /** Waited in the queue too long; its credits were released. */
    EXPIRED;

    /** Whether the job is over: nothing changes it any more, and its credits are settled. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
