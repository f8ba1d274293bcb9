package dev.atelier.generation;

import dev.atelier.generation.jobs.ModelLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How generation runs on this node.
 *
 * @param workers threads running jobs; each runs one job at a time
 * @param lease how long a claimed job stays this node's without a heartbeat; the sweeper requeues it afterwards
 * @param pollInterval how often an idle worker looks for queued jobs submitted on other nodes
 * @param sweepInterval how often stuck jobs are settled
 * @param queuedExpiry a job still queued after this long expires and its credits are released
 * @param runDeadline longest time one model call may take (per attempt)
 * @param maxAttempts attempts of a job whose model fails temporarily
 * @param uploadLifetime an upload not used by any job is deleted after this long
 * @param mediaUrlLifetime how long a link to an output or thumbnail works
 * @param maxOutputBytes largest single output accepted from a model
 * @param publicBaseUrl where vendors reach this deployment with webhooks, or null: models poll instead
 * @param modelLimits the operator's running limits per model across the cluster; models' own declarations fill in
 */
public record GenerationSettings(int workers, Duration lease, Duration pollInterval, Duration sweepInterval,
        Duration queuedExpiry, Duration runDeadline, int maxAttempts, Duration uploadLifetime,
        Duration mediaUrlLifetime, long maxOutputBytes, URI publicBaseUrl, ModelLimits modelLimits) {

    public GenerationSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(modelLimits, "modelLimits");
        if (workers < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("workers must be >= 0 and maxAttempts >= 1");
        }
    }

    /** Settings without operator model limits. */
    public GenerationSettings(int workers, Duration lease, Duration pollInterval, Duration sweepInterval,
            Duration queuedExpiry, Duration runDeadline, int maxAttempts, Duration uploadLifetime,
            Duration mediaUrlLifetime, long maxOutputBytes, URI publicBaseUrl) {
        this(workers, lease, pollInterval, sweepInterval, queuedExpiry, runDeadline, maxAttempts, uploadLifetime,
                mediaUrlLifetime, maxOutputBytes, publicBaseUrl, ModelLimits.NONE);
    }

    /** These settings with the operator's model limits ({@code atelier.generation.model-limits}). */
    public GenerationSettings withModelLimits(ModelLimits limits) {
        return new GenerationSettings(workers, lease, pollInterval, sweepInterval, queuedExpiry, runDeadline,
                maxAttempts, uploadLifetime, mediaUrlLifetime, maxOutputBytes, publicBaseUrl, limits);
    }

    /** The defaults of the configuration keys. */
    public static GenerationSettings defaults() {
        return new GenerationSettings(2, Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofHours(1), Duration.ofMinutes(10), 2, Duration.ofHours(24), Duration.ofHours(1),
                200L * 1024 * 1024, null);
    }

}
