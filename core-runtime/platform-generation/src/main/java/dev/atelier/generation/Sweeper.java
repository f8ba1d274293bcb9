package dev.atelier.generation;

import dev.atelier.core.db.DatabaseOutage;
import dev.atelier.generation.jobs.GenerationJobs;
import dev.atelier.core.tenants.TenantDirectory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what nobody else will, on a timer and independent of any browser: jobs whose worker stopped (lease expired)
 * go back to the queue or fail, jobs queued too long expire, unused uploads past their lifetime are deleted, and so are
 * webhook messages left behind by a worker that died.
 * Every node runs one; the database makes them agree.
 */
public final class Sweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final GenerationJobs jobs;
    private final Uploads uploads;
    private final TenantDirectory tenants;
    private final CallbackInbox callbacks;
    private final GenerationSettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "atelier-sweeper");
        t.setDaemon(true);
        return t;
    });

    Sweeper(GenerationJobs jobs, Uploads uploads, TenantDirectory tenants, CallbackInbox callbacks,
            GenerationSettings settings) {
        this.jobs = jobs;
        this.callbacks = callbacks;
        this.uploads = uploads;
        this.tenants = tenants;
        this.settings = settings;
    }

    public void start() {
        long every = settings.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many jobs were settled. */
    public int sweep() {
        int settled = jobs.sweep(settings.queuedExpiry());
        if (settled > 0) {
            LOG.info("Sweeper settled {} stuck or expired jobs", settled);
        }
        for (Upload upload : uploads.expired(100)) {
            tenants.byId(upload.tenantId()).ifPresent(tenant -> uploads.delete(tenant, upload));
        }
        if (settings.publicBaseUrl() != null) {
            // Messages of attempts whose worker died; a running attempt is at most the run deadline old.
            callbacks.purge(settings.runDeadline().plus(settings.lease()).multipliedBy(2));
        }
        return settled;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The database's going away is logged where it is watched; the next sweep catches up.
            if (DatabaseOutage.isCause(e)) {
                LOG.debug("Sweep skipped, the database is unavailable: {}", e.toString());
            } else {
                LOG.warn("Sweep failed, will retry: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
