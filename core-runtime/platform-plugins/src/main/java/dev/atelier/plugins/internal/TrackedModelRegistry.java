package dev.atelier.plugins.internal;

import dev.atelier.plugins.CallSubject;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.ModelUnavailableException;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.ServedPlugin;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.ModelDescriptor;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ModelRegistry} over the models' {@link PluginRegistry}: says what went wrong as a GenerationException. */
public final class TrackedModelRegistry implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedModelRegistry.class);

    private final PluginRegistry<GenerationModel, ModelDescriptor> models;
    private volatile Listed listed = new Listed(List.of(), List.of());

    public TrackedModelRegistry(PluginRegistry<GenerationModel, ModelDescriptor> models) {
        this.models = models;
    }

    /** The list converted from one snapshot: pages cache by it, so it stays the same object until models change. */
    private record Listed(List<ServedPlugin<ModelDescriptor>> snapshot, List<ModelInfo> infos) {}

    @Override
    public List<ModelInfo> list() {
        List<ServedPlugin<ModelDescriptor>> snapshot = models.list();
        Listed last = listed;
        if (last.snapshot() != snapshot) {
            last = new Listed(snapshot, snapshot.stream().map(TrackedModelRegistry::info).toList());
            listed = last;
        }
        return last.infos();
    }

    @Override
    public Optional<ModelInfo> find(String modelId) {
        return models.find(modelId).map(TrackedModelRegistry::info);
    }

    @Override
    public GenerationResult generate(String modelId, GenerationRequest request, GenerationContext context)
            throws ModelUnavailableException, GenerationException {
        try {
            // The tenant and job pick between a canary of the model's bundle and its current version.
            CallSubject subject = new CallSubject(
                    context.tenant() == null ? null : context.tenant().tenantId(), context.jobId());
            return models.callFor(subject, modelId, context.deadline(), model -> model.generate(request, context));
        } catch (PluginCallException e) {
            throw translate(modelId, context, e);
        }
    }

    private static GenerationException translate(String modelId, GenerationContext context, PluginCallException e)
            throws ModelUnavailableException {
        ServedPlugin<?> served = e.served();
        switch (e.reason()) {
            case NOT_DEPLOYED -> throw new ModelUnavailableException(modelId);
            case TIMED_OUT -> {
                LOG.warn("Model {} of {} {} did not finish in time (job {})", modelId, served.bundleSymbolicName(),
                        served.bundleVersion(), context.jobId());
                return new GenerationException(Kind.TEMPORARY, "The model did not finish in time.");
            }
            case INTERRUPTED -> {
                return new GenerationException(Kind.CANCELLED, "The generation was cancelled.");
            }
            case BUSY -> {
                LOG.warn("Refused a call to model {}: {}", modelId, e.getMessage());
                return new GenerationException(Kind.TEMPORARY, "The platform is busy. Please try again in a moment.");
            }
            default -> {
                if (e.getCause() instanceof GenerationException reported) {
                    return reported;
                }
                LOG.error("Model {} of {} {} failed unexpectedly (job {})", modelId, served.bundleSymbolicName(),
                        served.bundleVersion(), context.jobId(), e.getCause());
                return new GenerationException(Kind.FAILED, "The model failed unexpectedly.", e.getCause());
            }
        }
    }

    private static ModelInfo info(ServedPlugin<ModelDescriptor> served) {
        return new ModelInfo(served.description(), served.bundleSymbolicName(), served.bundleVersion());
    }
}
