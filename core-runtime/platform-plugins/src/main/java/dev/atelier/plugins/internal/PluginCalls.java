package dev.atelier.plugins.internal;

import dev.atelier.plugins.Correlation;
import dev.atelier.plugins.PluginCall;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginCallException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The one way into plugin code for every kind: enters the chosen service's bundle (so it is not uninstalled under the
 * call), sets the bundle's class loader as context class loader and the caller's correlation id, bounds the call by
 * its deadline when it has one, and records the outcome on the bundle.
 */
public final class PluginCalls {

    // A closed bundle leaves the choice right after closing; a few retries bridge that moment.
    private static final int MAX_ATTEMPTS = 100;

    private final PluginCallRunner runner;
    private final Duration callTimeout;

    public PluginCalls(PluginCallRunner runner, Duration callTimeout) {
        this.runner = runner;
        this.callTimeout = callTimeout;
    }

    <S, R> R call(KindTracker<S, ?> tracker, String id, Instant deadline, PluginCall<S, R> call)
            throws PluginCallException {
        TrackedService<S, ?> entry = enter(tracker, id);
        String correlation = Correlation.current();
        long started = System.nanoTime();
        boolean failed = true;
        try {
            R result = deadline == null
                    ? onCallersThread(entry, correlation, call)
                    : onWorker(entry, correlation, deadline, call);
            failed = false;
            return result;
        } catch (PluginCallException e) {
            failed = !(e.reason() == Reason.THREW && tracker.kind().isAnswer(e.getCause()));
            throw e;
        } finally {
            entry.activity().record(System.nanoTime() - started, failed);
        }
    }

    private static <S> TrackedService<S, ?> enter(KindTracker<S, ?> tracker, String id) throws PluginCallException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TrackedService<S, ?> entry = tracker.choice().chosen(id);
            if (entry == null) {
                break;
            }
            if (entry.activity().tryEnter()) {
                return entry;
            }
            Thread.onSpinWait();
        }
        throw new PluginCallException(Reason.NOT_DEPLOYED,
                tracker.kind().label() + " '" + id + "' is not deployed right now", null, null);
    }

    private static <S, R> R onCallersThread(TrackedService<S, ?> entry, String correlation, PluginCall<S, R> call)
            throws PluginCallException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entry.bundleLoader());
        try (Correlation.Scope scope = Correlation.begin(correlation)) {
            return call.call(entry.service());
        } catch (Exception e) {
            throw threw(entry, e);
        } finally {
            thread.setContextClassLoader(previous);
            entry.activity().exit();
        }
    }

    private <S, R> R onWorker(TrackedService<S, ?> entry, String correlation, Instant deadline, PluginCall<S, R> call)
            throws PluginCallException {
        Duration untilDeadline = Duration.between(Instant.now(), deadline);
        Duration timeout = untilDeadline.compareTo(callTimeout) < 0 ? untilDeadline : callTimeout;
        try {
            return runner.call(entry.bundleLoader(), () -> {
                try (Correlation.Scope scope = Correlation.begin(correlation)) {
                    return call.call(entry.service());
                }
            }, timeout, entry.activity()::exit);
        } catch (TimeoutException e) {
            throw new PluginCallException(Reason.TIMED_OUT, "did not finish in time", entry.served(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginCallException(Reason.INTERRUPTED, "interrupted while waiting", entry.served(), e);
        } catch (RejectedExecutionException e) {
            throw new PluginCallException(Reason.BUSY, "all " + PluginCallRunner.MAX_WORKERS
                    + " plugin workers are busy", entry.served(), e);
        } catch (ExecutionException e) {
            throw threw(entry, e.getCause());
        }
    }

    private static PluginCallException threw(TrackedService<?, ?> entry, Throwable cause) {
        return new PluginCallException(Reason.THREW, BundleFailure.describe(cause), entry.served(), cause);
    }
}
