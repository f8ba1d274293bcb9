package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.GenerationContext;

/**
 * The bundle's logger. {@link System.Logger} is part of the JDK, so logging imports nothing into the bundle; the host
 * routes it to its own logging.
 */
final class ReplicateLog {

    static final System.Logger LOG = System.getLogger("dev.atelier.model.replicate");

    private ReplicateLog() {}

    /** Logs {@code message} about one call, naming its tenant and job so the line can be traced. */
    static void forCall(System.Logger.Level level, GenerationContext context, String message) {
        LOG.log(level, "tenant={0} job={1}: {2}", context.tenant().tenantSlug(), context.jobId(), message);
    }
}
