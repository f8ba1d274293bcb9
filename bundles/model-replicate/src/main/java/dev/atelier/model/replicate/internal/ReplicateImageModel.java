package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.GenerationModel;
import org.osgi.service.component.annotations.Component;

/** The {@code replicate-image} model: a Replicate prediction whose output is a picture (PNG, JPEG or WebP). */
@Component(service = GenerationModel.class)
public final class ReplicateImageModel extends ReplicateModel {

    /** Used by Declarative Services. */
    public ReplicateImageModel() {
        this(Pacing.DEFAULT);
    }

    ReplicateImageModel(Pacing pacing) {
        super(ReplicateModels.image(), pacing);
    }
}
