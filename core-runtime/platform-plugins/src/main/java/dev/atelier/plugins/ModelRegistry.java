package dev.atelier.plugins;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import java.util.List;
import java.util.Optional;

/**
 * The generation models deployed right now, and the way to call them. Thread-safe.
 *
 * <p>When several services declare the same model id, one is chosen: services of a bundle that is draining (being
 * replaced) only if nothing else offers the id, then the highest {@code service.ranking}, then the most recently
 * installed bundle.
 */
public interface ModelRegistry {

    /** Every model being served, sorted by model id. Cheap: an immutable snapshot, no plugin is called. */
    List<ModelInfo> list();

    /** The model served under {@code modelId}, if any. */
    Optional<ModelInfo> find(String modelId);

    /**
     * Runs one generation on a host worker thread, with the plugin's class loader as context class loader, waiting at
     * most until {@code context.deadline()} and never longer than the host's call timeout.
     *
     * @throws ModelUnavailableException when no bundle serves {@code modelId}
     * @throws GenerationException from the model, or of kind {@link GenerationException.Kind#TEMPORARY} when it did not
     *     finish in time, or {@link GenerationException.Kind#FAILED} when it failed unexpectedly
     */
    GenerationResult generate(String modelId, GenerationRequest request, GenerationContext context)
            throws ModelUnavailableException, GenerationException;
}
