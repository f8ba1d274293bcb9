package dev.atelier.generation.jobs;

import java.time.Instant;

/**
 * A job a worker has claimed; it owns it until {@code leaseExpiresAt} unless it renews the lease by heartbeat.
 *
 * @param job the job, already RUNNING with this attempt counted
 * @param workerId the claiming worker, to be passed to every later call about this job
 */
public record ClaimedJob(Job job, String workerId, Instant leaseExpiresAt) {}
