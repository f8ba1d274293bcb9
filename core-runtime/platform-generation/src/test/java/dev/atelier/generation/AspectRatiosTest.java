package dev.atelier.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aspect-ratio presets worked out from the size parameters a model declares. */
class AspectRatiosTest {

    @Test
    void widthAndHeightKeepTheDefaultsLongerSideAndOfferOnlyRatiosWithinBounds() {
        ModelDescriptor model = model(ParameterSpec.integer("width", "Width", 64, 1100, 1024),
                ParameterSpec.integer("height", "Height", 64, 800, 768));

        List<AspectRatios.Preset> presets = AspectRatios.of(model);

        // 1:1 and the portraits would need a height above 800.
        assertThat(presets).extracting(AspectRatios.Preset::ratio).containsExactly("4:3", "3:2", "16:9");
        assertThat(AspectRatios.find(model, "16:9").orElseThrow().parameters())
                .isEqualTo(Map.of("width", 1024L, "height", 576L));
        assertThat(AspectRatios.find(model, "3:2").orElseThrow().parameters())
                .isEqualTo(Map.of("width", 1024L, "height", 680L));
    }

    @Test
    void aSizeChoiceOffersTheRatiosItsChoicesHave() {
        ModelDescriptor model = model(ParameterSpec.choice("size", "Size", List.of("1024x1024", "1536x1024",
                "1024x1536"), "1024x1024"));

        assertThat(AspectRatios.of(model)).extracting(AspectRatios.Preset::ratio)
                .containsExactly("1:1", "3:2", "2:3");
        assertThat(AspectRatios.find(model, "2:3").orElseThrow().parameters()).isEqualTo(Map.of("size", "1024x1536"));
        assertThat(AspectRatios.find(model, "16:9")).isEmpty();
    }

    @Test
    void aModelWithoutSizeParametersHasNoPresets() {
        assertThat(AspectRatios.of(model(ParameterSpec.integer("seed", "Seed", 0, 9, 0)))).isEmpty();
    }

    private static ModelDescriptor model(ParameterSpec... parameters) {
        ModelDescriptor.Builder builder = ModelDescriptor.builder("m").name("M").version("1").output(MediaKind.IMAGE)
                .defaultCreditCost(1);
        for (ParameterSpec p : parameters) {
            builder.parameter(p);
        }
        return builder.build();
    }
}
