package dev.atelier.generation.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's model limits and the ones models declare. */
class ModelLimitsTest {

    @Test
    void theOperatorsLimitOverridesAModelsOwnAndModelsNamedByNeitherHaveNone() {
        ModelDescriptor video = ModelDescriptor.builder("replicate-video").output(MediaKind.VIDEO).maxRunning(8)
                .build();
        ModelDescriptor image = ModelDescriptor.builder("openai-images").output(MediaKind.IMAGE).maxRunning(50)
                .build();
        ModelLimits operator = new ModelLimits(Map.of("openai-images", 20));

        ModelLimits limits = operator.orElse(Map.of(video.id(), video.maxRunning().getAsInt(), image.id(),
                image.maxRunning().getAsInt()));

        assertThat(limits.of("replicate-video")).hasValue(8);
        assertThat(limits.of("openai-images")).hasValue(20);
        assertThat(limits.of("procedural")).isEmpty();
        assertThat(ModelDescriptor.builder("procedural").output(MediaKind.IMAGE).build().maxRunning()).isEmpty();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new ModelLimits(Map.of("replicate-video", 0)))
                .hasMessage("The limit of model replicate-video must be at least 1, was 0");
        assertThatThrownBy(() -> ModelDescriptor.builder("x").maxRunning(0))
                .hasMessage("maxRunning must be at least 1: 0");
    }

    @Test
    void aModelKeepsItsDeclaredLimitWhenTheHostFillsInItsVersion() {
        ModelDescriptor declared = ModelDescriptor.builder("replicate-video").output(MediaKind.VIDEO).maxRunning(8)
                .build();

        assertThat(declared.withDefaultVersion("1.4.0").maxRunning()).hasValue(8);
    }
}
