package dev.atelier.generation.jobs;

/**
 * The answer to a worker's heartbeat.
 *
 * @param stillOwned false when the worker lost the job (its lease ran out and the sweeper took it back, or it is no
 *     longer running): the worker must stop and write nothing more about it
 * @param cancelRequested the owner asked to cancel: the worker should stop and call
 *     {@link GenerationJobs#canceled(String, String)}
 */
public record Heartbeat(boolean stillOwned, boolean cancelRequested) {}
