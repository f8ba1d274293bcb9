package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.plugin.PluginDescription;
import org.osgi.service.component.annotations.Component;

/** The {@code replicate-image} model: a Replicate prediction whose output is a picture (PNG, JPEG or WebP). */
@Component(service = GenerationModel.class)
public final class ReplicateImageModel implements GenerationModel {

    private final ModelDescriptor descriptor;
    private final PredictionRunner runner;

    /** Used by Declarative Services; the model version is the Bundle-Version of this build. */
    public ReplicateImageModel() {
        this(ReplicateModels.buildVersion(), Pacing.DEFAULT);
    }

    ReplicateImageModel(String version, Pacing pacing) {
        this.descriptor = ReplicateModels.image(version);
        this.runner = new PredictionRunner(MediaKind.IMAGE, pacing);
    }

    @Override
    public PluginDescription description() {
        return ReplicateSettings.DESCRIPTION;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        return runner.run(request, context);
    }
}
