package dev.atelier.plugins.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plugin code on a worker thread with the plugin's class loader as context class loader, so a plugin that uses
 * ServiceLoader or reflection finds its own classes, and so a stuck plugin cannot hold the caller past its timeout.
 */
public final class PluginCallRunner implements AutoCloseable {

    /** Upper bound on concurrent plugin calls; beyond it callers are refused rather than queued without limit. */
    static final int MAX_WORKERS = 256;

    private final ThreadPoolExecutor executor;

    public PluginCallRunner() {
        AtomicInteger counter = new AtomicInteger();
        executor = new ThreadPoolExecutor(0, MAX_WORKERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "atelier-plugin-call-" + counter.incrementAndGet());
            // Plugin work must never keep the JVM alive after the host closed.
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code call} with {@code loader} as context class loader and waits at most {@code timeout}. {@code onEnd}
     * runs exactly once, when the plugin code has finished, or at once if it never started.
     *
     * @throws TimeoutException when the call did not finish in time; it was interrupted
     * @throws ExecutionException with what the plugin threw
     * @throws java.util.concurrent.RejectedExecutionException when all workers are busy
     */
    <T> T call(ClassLoader loader, Callable<T> call, Duration timeout, Runnable onEnd)
            throws TimeoutException, ExecutionException, InterruptedException {
        // Whoever claims first owns onEnd: the worker when it starts, or the caller when it gives up on a queued task.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<T> future;
        try {
            future = executor.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null;
                }
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                    return call.call();
                } finally {
                    thread.setContextClassLoader(previous);
                    onEnd.run();
                }
            });
        } catch (RuntimeException e) {
            onEnd.run();
            throw e;
        }
        try {
            return future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (claimed.compareAndSet(false, true)) {
                onEnd.run();
            }
            future.cancel(true);
            throw e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
