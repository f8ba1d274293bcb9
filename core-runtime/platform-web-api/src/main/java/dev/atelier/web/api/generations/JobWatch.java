package dev.atelier.web.api.generations;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.jobs.Job;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The streams following one job on this node, and the one read of the job's row they share: however many changes
 * arrive while a read is under way, at most one more read follows it, and every stream gets what that read found.
 *
 * @param tenant the job's tenant, as the first stream's request found it
 * @param accountId the job's owner: only the owner's streams follow it, so one read serves them all
 * @param signalled when ({@link System#nanoTime()}) the last change signal for the job arrived, 0 before any: the
 *     fan-out's timing starts there
 * @param known the job as a joining stream's request read it, with the job's signal stamp from before that read: the
 *     next read uses it instead of the database if no change came since
 */
record JobWatch(Tenant tenant, String accountId, String jobId, Set<EventStream> streams, AtomicBoolean dirty,
        AtomicBoolean scheduled, AtomicLong signalled, AtomicReference<Known> known) {

    /** A job as read, and the signal stamp ({@code JobSignals.stamp}) taken before reading it. */
    record Known(Job job, long stamp) {}

    JobWatch(Tenant tenant, String accountId, String jobId) {
        this(tenant, accountId, jobId, ConcurrentHashMap.newKeySet(), new AtomicBoolean(), new AtomicBoolean(),
                new AtomicLong(), new AtomicReference<>());
    }

    /** Asks for a read of the job on {@code readers}; {@code read} runs once more for any number of asks meanwhile. */
    void refresh(Executor readers, Runnable read) {
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            readers.execute(() -> run(readers, read));
        }
    }

    private void run(Executor readers, Runnable read) {
        try {
            while (dirty.getAndSet(false)) {
                read.run();
            }
        } finally {
            scheduled.set(false);
        }
        // An ask that came between the last check of dirty and the release above would otherwise wait for the next.
        if (dirty.get() && scheduled.compareAndSet(false, true)) {
            readers.execute(() -> run(readers, read));
        }
    }
}
