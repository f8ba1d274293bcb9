package dev.atelier.plugins.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of work run every interval on a daemon thread of its own, until closed: how a node keeps something in step
 * with the cluster. A pass that fails is logged and the next one tries again, so one bad moment (the database away)
 * never stops the passes for good.
 */
public final class RepeatingPass implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatingPass.class);

    private final String threadName;
    private final Runnable pass;
    private final String failure;
    private ScheduledExecutorService timer;

    /**
     * @param threadName the thread's name, as thread dumps show it
     * @param pass the work; a {@link RuntimeException} it throws is logged
     * @param failure what a failed pass means, for the log ("The canaries could not be brought in step …")
     */
    public RepeatingPass(String threadName, Runnable pass, String failure) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.pass = Objects.requireNonNull(pass, "pass");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** Starts the passes, the first one {@code interval} from now; starting again does nothing. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::passQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void passQuietly() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: {}", failure, e.getMessage());
        }
    }
}
