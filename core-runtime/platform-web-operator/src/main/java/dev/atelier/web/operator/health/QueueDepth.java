package dev.atelier.web.operator.health;

/**
 * Generations of one model waiting and running, across the cluster.
 *
 * @param modelId the model's id
 * @param queued jobs waiting for a worker
 * @param running jobs a worker runs now
 * @param oldestQueuedSeconds how long the oldest waiting job has waited, 0 when none waits
 */
public record QueueDepth(String modelId, long queued, long running, long oldestQueuedSeconds) {}
