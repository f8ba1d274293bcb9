package dev.atelier.plugins.internal;

import dev.atelier.plugins.CallSubject;
import dev.atelier.plugins.CanaryRoutes;
import dev.atelier.plugins.Correlation;
import dev.atelier.plugins.PluginCall;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginCallException.Reason;
import dev.atelier.plugins.PluginCallStats;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The one way into plugin code for every kind: enters the chosen service's bundle (so it is not uninstalled under the
 * call), sets the bundle's class loader as context class loader and the caller's correlation id, bounds the call by
 * its deadline when it has one, and records the outcome on the bundle and in the {@link PluginCallStats}. A call made
 * for a {@link CallSubject} goes to the id's canary when the canary's plan routes that subject to it.
 */
public final class PluginCalls {

    // A closed bundle leaves the choice right after closing; a few retries bridge that moment.
    private static final int MAX_ATTEMPTS = 100;

    private final PluginCallRunner runner;
    private final Duration callTimeout;
    private final CanaryRoutes routes;
    private final PluginCallStats stats;

    public PluginCalls(PluginCallRunner runner, Duration callTimeout, CanaryRoutes routes, PluginCallStats stats) {
        this.runner = runner;
        this.callTimeout = callTimeout;
        this.routes = routes;
        this.stats = stats;
    }

    <S, R> R call(KindTracker<S, ?> tracker, String id, Instant deadline, CallSubject subject, PluginCall<S, R> call)
            throws PluginCallException {
        TrackedService<S, ?> entry = enter(tracker, id, subject);
        String correlation = Correlation.current();
        long started = System.nanoTime();
        String error = "failed";
        try {
            R result = deadline == null
                    ? onCallersThread(entry, correlation, call)
                    : onWorker(entry, correlation, deadline, call);
            error = null;
            return result;
        } catch (PluginCallException e) {
            error = e.reason() == Reason.THREW && tracker.kind().isAnswer(e.getCause()) ? null : e.getMessage();
            throw e;
        } finally {
            long nanos = System.nanoTime() - started;
            entry.activity().record(nanos, error != null);
            stats.record(new PluginCallStats.Key(entry.served().bundleSymbolicName(), entry.served().bundleVersion(),
                    tracker.kind().key(), entry.canary()), nanos, error);
        }
    }

    private <S> TrackedService<S, ?> enter(KindTracker<S, ?> tracker, String id, CallSubject subject)
            throws PluginCallException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TrackedService<S, ?> entry = choose(tracker.choice(), id, subject);
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

    /** The id's canary when one serves it and its plan routes the subject there; otherwise the id's chosen service. */
    private <S> TrackedService<S, ?> choose(ServiceChoice<S, ?> choice, String id, CallSubject subject) {
        TrackedService<S, ?> canary = subject == null ? null : choice.canary(id);
        if (canary != null && routes.routes(canary.served().bundleSymbolicName(), subject)) {
            return canary;
        }
        return choice.chosen(id);
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
