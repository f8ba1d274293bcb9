package dev.atelier.web.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.web.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {

    private final ModelDescriptor model = ModelDescriptor.builder("painter")
            .version("1.0.0")
            .output(MediaKind.IMAGE)
            .parameter(ParameterSpec.integer("width", "Width", 64, 2048, 1024))
            .parameter(ParameterSpec.number("strength", "Strength", 0, 1, 0.5))
            .parameter(ParameterSpec.bool("tile", "Tile", false))
            .parameter(ParameterSpec.choice("style", "Style", List.of("ink", "oil"), "ink"))
            .build();

    @Test
    void fillsDefaultsAndConvertsToDeclaredTypes() {
        Map<String, Object> bound = ParameterBinder.bind(model,
                Map.of("width", "512", "tile", "true", "prompt", "x"), Set.of("prompt"));

        assertThat(bound).containsEntry("width", 512L).containsEntry("strength", 0.5)
                .containsEntry("tile", true).containsEntry("style", "ink");
    }

    @Test
    void reportsEveryBadFieldByName() {
        assertThatThrownBy(() -> ParameterBinder.bind(model,
                Map.of("width", "wide", "strength", "2", "style", "pastel", "colour", "red"), Set.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().errors()).extracting("field")
                            .containsExactlyInAnyOrder("width", "strength", "style", "colour");
                    assertThat(e.problem().errors()).extracting("message")
                            .contains("width must be a whole number", "style must be one of ink, oil");
                });
    }
}
