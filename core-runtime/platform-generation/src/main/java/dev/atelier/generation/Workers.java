package dev.atelier.generation;

import dev.atelier.core.db.DatabaseOutage;
import dev.atelier.generation.jobs.ClaimedJob;
import dev.atelier.generation.jobs.GenerationJobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of this node that run generation jobs. Each claims the next queued job by the lanes' rules (fair share
 * between tenants, plan priority within a tenant, running limits per model across the cluster; several nodes may
 * claim from one database and each job goes to one), runs it, and looks again; idle workers wait until a submission on
 * this node wakes them, or at most the poll interval, to notice jobs submitted elsewhere.
 *
 * <p>Stopping ({@link #drain}) takes three steps: claim nothing more, let running jobs finish within the drain time,
 * then interrupt the rest and hand their jobs back to the queue without spending an attempt, so that another node (or
 * this one, started again) takes them at once instead of after their lease.
 */
public final class Workers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
    /** How long an interrupted worker gets to hand its job back itself. */
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

    private final GenerationJobs jobs;
    private final JobRunner runner;
    private final GenerationSettings settings;
    private final RunningLimits limits;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    /** The job each busy worker runs, by worker id: what to hand back if it does not stop when asked. */
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    /** Whether this outage of the database was logged already; once per outage is enough. */
    private volatile boolean outageLogged;
    private long wakeups;

    Workers(GenerationJobs jobs, JobRunner runner, GenerationSettings settings, RunningLimits limits) {
        this.jobs = jobs;
        this.limits = limits;
        this.runner = runner;
        this.settings = settings;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            String workerId = "worker-" + nodeId + "-" + i;
            Thread thread = new Thread(() -> loop(workerId), "atelier-" + workerId);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        LOG.info("Generation workers started: {} on this node", settings.workers());
    }

    /** Tells idle workers a job was queued. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    private void loop(String workerId) {
        while (running) {
            try {
                long seen;
                synchronized (signal) {
                    seen = wakeups;
                }
                Optional<ClaimedJob> claimed = jobs.claim(workerId, settings.lease(), limits.current());
                outageLogged = false;
                if (claimed.isPresent()) {
                    current.put(workerId, claimed.get().job().id());
                    try {
                        runner.run(claimed.get(), workerId);
                    } finally {
                        current.remove(workerId);
                    }
                } else {
                    idle(seen);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the job (if any) is settled by the sweeper.
                if (!DatabaseOutage.isCause(e)) {
                    LOG.warn("{}: {}", workerId, e.toString());
                } else if (!outageLogged) {
                    outageLogged = true;
                    LOG.warn("Workers wait for the database to answer again: {}", e.toString());
                }
                sleepQuietly();
            }
        }
    }

    private void idle(long seen) throws InterruptedException {
        synchronized (signal) {
            if (wakeups == seen && running) {
                signal.wait(settings.pollInterval().toMillis());
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers at once: like {@link #drain} with no drain time. */
    @Override
    public void close() {
        drain(Duration.ZERO);
    }

    /**
     * Stops claiming jobs, waits up to {@code drainTime} for the running ones to finish, then interrupts the workers
     * still busy; each hands its job back to the queue (a worker whose model ignores the interruption has its job
     * handed back for it). Returns once every worker has stopped or been given up on.
     */
    public synchronized void drain(Duration drainTime) {
        running = false;
        wake();
        long deadline = System.nanoTime() + drainTime.toNanos();
        if (!current.isEmpty()) {
            LOG.info("Stopping: letting {} running jobs finish within {} ms", current.size(), drainTime.toMillis());
        }
        for (Thread thread : threads) {
            if (!join(thread, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())))) {
                return;
            }
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            if (!join(thread, INTERRUPT_WAIT.toMillis())) {
                return;
            }
        }
        // Workers whose model did not answer the interruption: their jobs go back now; a late settlement by them is
        // refused, as the job is no longer theirs.
        current.forEach(this::handBackQuietly);
        threads.clear();
    }

    private void handBackQuietly(String workerId, String jobId) {
        try {
            jobs.handBack(jobId, workerId);
        } catch (RuntimeException e) {
            // The lease still expires and the sweeper of this or another node takes the job back.
            LOG.warn("Job {}: could not hand it back as this node stops: {}", jobId, e.toString());
        }
    }

    /** Returns false if this thread was interrupted while waiting. */
    private static boolean join(Thread thread, long millis) {
        try {
            if (millis > 0) {
                thread.join(millis);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
