package dev.atelier.web.api.generations;

import dev.atelier.core.tenants.Tenant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The streams following one job on this node, and the one read of the job's row they share: however many changes
 * arrive while a read is under way, at most one more read follows it, and every stream gets what that read found.
 *
 * @param tenant the job's tenant, as the first stream's request found it
 * @param accountId the job's owner: only the owner's streams follow it, so one read serves them all
 * @param signalled when ({@link System#nanoTime()}) the last change signal for the job arrived, 0 before any: the
 *     fan-out's timing starts there
 */
record JobWatch(Tenant tenant, String accountId, String jobId, Set<EventStream> streams, AtomicBoolean dirty,
        AtomicBoolean scheduled, AtomicLong signalled) {

    JobWatch(Tenant tenant, String accountId, String jobId) {
        this(tenant, accountId, jobId, ConcurrentHashMap.newKeySet(), new AtomicBoolean(), new AtomicBoolean(),
                new AtomicLong());
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
