package dev.atelier.generation;

import dev.atelier.spi.model.Callbacks;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.tenant.TenantContext;
import java.time.Instant;
import java.util.Optional;

/**
 * What a model sees of the job it runs: tenant, deadline, cancellation, where its progress goes, and its callback URL
 * when the platform has a public address.
 */
final class HostedContext implements GenerationContext {

    private final TenantContext tenant;
    private final String jobId;
    private final Instant deadline;
    private volatile boolean cancelled;
    private volatile int progress;
    private volatile String stage;
    private volatile Optional<Callbacks> callbacks = Optional.empty();

    HostedContext(TenantContext tenant, String jobId, Instant deadline) {
        this.tenant = tenant;
        this.jobId = jobId;
        this.deadline = deadline;
    }

    @Override
    public TenantContext tenant() {
        return tenant;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Optional<Callbacks> callbacks() {
        return callbacks;
    }

    void offer(Optional<Callbacks> offered) {
        this.callbacks = offered;
    }

    @Override
    public boolean isCancelled() {
        return cancelled || Instant.now().isAfter(deadline);
    }

    @Override
    public void progress(int percent, String stage) {
        // Models report freely; the job only ever moves forward, and stays below 100 until the outputs are stored.
        int bounded = Math.max(0, Math.min(99, percent));
        if (bounded >= progress) {
            progress = bounded;
            this.stage = stage == null || stage.length() <= 100 ? stage : stage.substring(0, 100);
        }
    }

    void cancel() {
        cancelled = true;
    }

    int progress() {
        return progress;
    }

    String stage() {
        return stage;
    }
}
