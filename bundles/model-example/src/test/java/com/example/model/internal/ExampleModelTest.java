package com.example.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.testkit.GenerationModelContract;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform's contract for generation models (from platform-spi-testkit: a valid descriptor, outputs of the
 * declared kind, progress, cancellation, concurrent calls), then this model's own behaviour.
 */
class ExampleModelTest extends GenerationModelContract {

    @Override
    protected GenerationModel createModel() {
        return new ExampleModel();
    }

    @Test
    void drawsTheSameBytesForTheSamePrompt() throws Exception {
        assertThat(bytes(generate("a quiet harbour", Map.of()))).isEqualTo(bytes(generate("a quiet harbour", Map.of())));
    }

    @Test
    void drawsInTheTenantsPalette() throws Exception {
        byte[] warm = bytes(generate("a quiet harbour", Map.of("palette", "warm")));
        byte[] cool = bytes(generate("a quiet harbour", Map.of("palette", "cool")));

        assertThat(cool).isNotEqualTo(warm);
    }

    @Test
    void saysItIsNotSetUpWhenTheTenantsPaletteIsUnknown() {
        GenerationException refused = assertThrows(GenerationException.class,
                () -> generate("a quiet harbour", Map.of("palette", "neon")));

        assertThat(refused.kind()).isEqualTo(GenerationException.Kind.FAILED);
        assertThat(refused.getMessage()).isEqualTo("This model is not set up for this site yet.");
    }

    private GeneratedMedia generate(String prompt, Map<String, String> tenantConfig) throws GenerationException {
        GenerationRequest request = GenerationRequest.of(prompt, defaultParameters(model.descriptor()));
        TestGenerationContext context = TestGenerationContext.create(TestTenantContext.withConfig(tenantConfig),
                Duration.ofSeconds(30));
        return model.generate(request, context).outputs().get(0);
    }

    private static byte[] bytes(GeneratedMedia media) throws IOException {
        try (InputStream in = media.open()) {
            return in.readAllBytes();
        }
    }
}
