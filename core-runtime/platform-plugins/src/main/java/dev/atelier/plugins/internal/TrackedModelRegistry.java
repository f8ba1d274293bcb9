package dev.atelier.plugins.internal;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.ModelUnavailableException;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ModelRegistry} over the tracker's snapshot; every call is counted on the bundle serving it. */
public final class TrackedModelRegistry implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedModelRegistry.class);
    // A closed bundle disappears from the snapshot right after closing; a few retries bridge that moment.
    private static final int MAX_ATTEMPTS = 100;

    private final ModelTracker tracker;
    private final PluginCallRunner runner;
    private final Duration callTimeout;

    public TrackedModelRegistry(ModelTracker tracker, PluginCallRunner runner, Duration callTimeout) {
        this.tracker = tracker;
        this.runner = runner;
        this.callTimeout = callTimeout;
    }

    @Override
    public List<ModelInfo> list() {
        return tracker.snapshot().list();
    }

    @Override
    public Optional<ModelInfo> find(String modelId) {
        ModelEntry entry = tracker.snapshot().chosen(modelId);
        return entry == null ? Optional.empty() : Optional.of(entry.info());
    }

    @Override
    public GenerationResult generate(String modelId, GenerationRequest request, GenerationContext context)
            throws ModelUnavailableException, GenerationException {
        ModelEntry entry = enter(modelId);
        long started = System.nanoTime();
        boolean failed = true;
        try {
            GenerationResult result = invoke(entry, request, context);
            failed = false;
            return result;
        } finally {
            entry.activity().record(System.nanoTime() - started, failed);
        }
    }

    private ModelEntry enter(String modelId) throws ModelUnavailableException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ModelEntry entry = tracker.snapshot().chosen(modelId);
            if (entry == null) {
                break;
            }
            if (entry.activity().tryEnter()) {
                return entry;
            }
            Thread.onSpinWait();
        }
        throw new ModelUnavailableException(modelId);
    }

    private GenerationResult invoke(ModelEntry entry, GenerationRequest request, GenerationContext context)
            throws GenerationException {
        Duration untilDeadline = Duration.between(Instant.now(), context.deadline());
        Duration timeout = untilDeadline.compareTo(callTimeout) < 0 ? untilDeadline : callTimeout;
        try {
            return runner.call(entry.bundleLoader(), () -> entry.model().generate(request, context), timeout,
                    entry.activity()::exit);
        } catch (TimeoutException e) {
            LOG.warn("Model {} of {} {} did not finish in time (job {})", entry.modelId(),
                    entry.info().bundleSymbolicName(), entry.info().bundleVersion(), context.jobId());
            throw new GenerationException(Kind.TEMPORARY, "The model did not finish in time.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(Kind.CANCELLED, "The generation was cancelled.");
        } catch (RejectedExecutionException e) {
            LOG.warn("All {} plugin workers are busy; refused a call to model {}", PluginCallRunner.MAX_WORKERS,
                    entry.modelId());
            throw new GenerationException(Kind.TEMPORARY, "The platform is busy. Please try again in a moment.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GenerationException reported) {
                throw reported;
            }
            LOG.error("Model {} of {} {} failed unexpectedly (job {})", entry.modelId(),
                    entry.info().bundleSymbolicName(), entry.info().bundleVersion(), context.jobId(), e.getCause());
            throw new GenerationException(Kind.FAILED, "The model failed unexpectedly.", e.getCause());
        }
    }
}
