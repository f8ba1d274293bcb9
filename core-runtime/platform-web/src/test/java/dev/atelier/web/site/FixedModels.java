package dev.atelier.web.site;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.ModelUnavailableException;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import java.util.List;
import java.util.Optional;

/** The models "deployed" in these tests: only {@code procedural}. Pages only ask which models are there. */
final class FixedModels implements ModelRegistry {

    private final List<ModelInfo> models = List.of(new ModelInfo(ModelDescriptor.builder("procedural")
            .name("Procedural").description("Patterns from the prompt").version("1.0.0").output(MediaKind.IMAGE)
            .defaultCreditCost(1).build(), "dev.atelier.model.procedural", "1.0.0"));

    @Override
    public List<ModelInfo> list() {
        return models;
    }

    @Override
    public Optional<ModelInfo> find(String modelId) {
        return models.stream().filter(m -> m.modelId().equals(modelId)).findFirst();
    }

    @Override
    public GenerationResult generate(String modelId, GenerationRequest request, GenerationContext context)
            throws ModelUnavailableException {
        // Site pages only list models; nothing here generates.
        throw new ModelUnavailableException(modelId);
    }
}
