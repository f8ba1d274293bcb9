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

/** The {@code replicate-video} model: a Replicate prediction whose output is an MP4 video. */
@Component(service = GenerationModel.class)
public final class ReplicateVideoModel implements GenerationModel {

    private final ModelDescriptor descriptor;
    private final PredictionRunner runner;

    /** Used by Declarative Services; the model version is the Bundle-Version of this build. */
    public ReplicateVideoModel() {
        this(ReplicateModels.buildVersion(), Pacing.DEFAULT);
    }

    ReplicateVideoModel(String version, Pacing pacing) {
        this.descriptor = ReplicateModels.video(version);
        this.runner = new PredictionRunner(MediaKind.VIDEO, pacing);
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
