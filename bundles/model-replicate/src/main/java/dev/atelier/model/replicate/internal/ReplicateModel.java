package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.plugin.PluginDescription;

/**
 * A Replicate prediction served as a model: the image and the video model differ only in their descriptor, whose
 * output kind tells the runner what to download. The descriptors declare no version, so the host lists each with the
 * bundle's {@code Bundle-Version}.
 */
abstract class ReplicateModel implements GenerationModel {

    private final ModelDescriptor descriptor;
    private final PredictionRunner runner;

    ReplicateModel(ModelDescriptor descriptor, Pacing pacing) {
        this.descriptor = descriptor;
        this.runner = new PredictionRunner(descriptor.output(), pacing);
    }

    @Override
    public final PluginDescription description() {
        return ReplicateSettings.DESCRIPTION;
    }

    @Override
    public final ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        return runner.run(request, context);
    }
}
