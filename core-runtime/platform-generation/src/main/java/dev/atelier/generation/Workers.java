package dev.atelier.generation;

import dev.atelier.generation.jobs.ClaimedJob;
import dev.atelier.generation.jobs.GenerationJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of this node that run generation jobs. Each claims the next queued job by the lanes' rules (fair share
 * between tenants, plan priority within a tenant, running limits per model across the cluster; several nodes may
 * claim from one database and each job goes to one), runs it, and looks again; idle workers wait until a submission on
 * this node wakes them, or at most the poll interval, to notice jobs submitted elsewhere.
 */
public final class Workers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final GenerationJobs jobs;
    private final JobRunner runner;
    private final GenerationSettings settings;
    private final RunningLimits limits;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
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
                if (claimed.isPresent()) {
                    runner.run(claimed.get(), workerId);
                } else {
                    idle(seen);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the job (if any) is settled by the sweeper.
                LOG.warn("{}: {}", workerId, e.toString());
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

    /**
     * Stops the workers. A job still running is left to its lease: the sweeper of this or another node puts it back
     * in the queue (or settles it) once the lease expires.
     */
    @Override
    public synchronized void close() {
        running = false;
        wake();
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }
}
