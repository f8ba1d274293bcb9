package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.GenerationModel;
import org.osgi.service.component.annotations.Component;

/** The {@code replicate-video} model: a Replicate prediction whose output is an MP4 video. */
@Component(service = GenerationModel.class)
public final class ReplicateVideoModel extends ReplicateModel {

    /** Used by Declarative Services. */
    public ReplicateVideoModel() {
        this(Pacing.DEFAULT);
    }

    ReplicateVideoModel(Pacing pacing) {
        super(ReplicateModels.video(), pacing);
    }
}
