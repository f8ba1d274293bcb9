package dev.atelier.model.procedural.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.testkit.GenerationModelContract;
import dev.atelier.spi.testkit.TestGenerationContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Manifest;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProceduralModelTest extends GenerationModelContract {

    @Override
    protected GenerationModel createModel() {
        return new ProceduralModel();
    }

    @Test
    void drawsTheSameBytesForTheSameRequest() throws Exception {
        GenerationRequest request = request("a quiet harbour at dawn", Map.of("width", 256L, "height", 256L));

        assertThat(png(request)).isEqualTo(png(request));
    }

    @Test
    void drawsADifferentPictureForADifferentPrompt() throws Exception {
        Map<String, Object> size = Map.of("width", 256L, "height", 256L);

        assertThat(png(request("a quiet harbour at dawn", size)))
                .isNotEqualTo(png(request("a red fox in deep snow", size)));
    }

    @Test
    void drawsADifferentPictureForADifferentSeed() throws Exception {
        assertThat(png(request("a quiet harbour at dawn", Map.of("width", 256L, "height", 256L, "seed", 1L))))
                .isNotEqualTo(png(request("a quiet harbour at dawn", Map.of("width", 256L, "height", 256L))));
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void drawsEveryStyleAtTheRequestedSize(Style style) throws Exception {
        GenerationRequest request =
                request("mountains under the stars", Map.of("width", 320L, "height", 200L, "style", style.id()));

        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png(request)));

        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void drawsTheSmallestAndLargestAllowedSizes() throws Exception {
        GenerationResult result = model.generate(
                request("tiny and huge", Map.of("width", 64L, "height", 2048L)), TestGenerationContext.create());

        assertThat(result.outputs().get(0).width()).isEqualTo(64);
        assertThat(result.outputs().get(0).height()).isEqualTo(2048);
    }

    @Test
    void declaresSizeSeedAndStyleWithTheirBounds() {
        var descriptor = model.descriptor();

        assertThat(descriptor.id()).isEqualTo("procedural");
        assertThat(descriptor.name()).isEqualTo("Procedural Art");
        assertThat(descriptor.output()).isEqualTo(MediaKind.IMAGE);
        assertThat(descriptor.defaultCreditCost()).isEqualTo(1);
        Map<String, ParameterSpec> parameters = new HashMap<>();
        descriptor.parameters().forEach(p -> parameters.put(p.name(), p));
        assertThat(parameters).containsOnlyKeys("width", "height", "seed", "style");
        for (String side : new String[] {"width", "height"}) {
            assertThat(parameters.get(side).min()).isEqualTo(64.0);
            assertThat(parameters.get(side).max()).isEqualTo(2048.0);
            assertThat(parameters.get(side).defaultValue()).isEqualTo(1024L);
        }
        assertThat(parameters.get("seed").type()).isEqualTo(ParameterSpec.Type.INTEGER);
        assertThat(parameters.get("seed").defaultValue()).isEqualTo(0L);
        assertThat(parameters.get("style").choices()).containsExactly("dunes", "aurora", "nebula", "bauhaus");
        assertThat(parameters.get("style").defaultValue()).isEqualTo("dunes");
    }

    @Test
    void reportsTheBundleVersionOfItsBuildAsModelVersion() throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }

        assertThat(model.descriptor().version())
                .isEqualTo(manifest.getMainAttributes().getValue("Bundle-Version"));
    }

    @Test
    void turnsSnapshotVersionsIntoTimestampedBundleVersions() {
        assertThat(ProceduralModel.bundleVersion("0.1.0-SNAPSHOT", "20261125123000")).isEqualTo("0.1.0.20261125123000");
        assertThat(ProceduralModel.bundleVersion("1.2.0", "20261125123000")).isEqualTo("1.2.0");
    }

    @Test
    void stopsBetweenLayersWhenCancelledHalfway() {
        TestGenerationContext context = TestGenerationContext.create().cancelWhen(report -> report.percent() >= 40);

        assertThatThrownBy(() -> model.generate(request("a lighthouse", Map.of()), context))
                .isInstanceOfSatisfying(GenerationException.class,
                        e -> assertThat(e.kind()).isEqualTo(GenerationException.Kind.CANCELLED));
        assertThat(context.progressPercents()).last().satisfies(p -> assertThat(p).isBetween(40, 89));
    }

    @Test
    void rejectsAnUnknownStyleAsInvalidInput() {
        assertThatThrownBy(() -> model.generate(request("a lighthouse", Map.of("style", "cubism")),
                        TestGenerationContext.create()))
                .isInstanceOfSatisfying(GenerationException.class,
                        e -> assertThat(e.kind()).isEqualTo(GenerationException.Kind.INVALID_INPUT))
                .hasMessageContaining("dunes");
    }

    private GenerationRequest request(String prompt, Map<String, Object> overrides) {
        Map<String, Object> parameters = new HashMap<>(defaultParameters(model.descriptor()));
        parameters.putAll(overrides);
        return GenerationRequest.of(prompt, parameters);
    }

    private byte[] png(GenerationRequest request) throws Exception {
        try (InputStream in = model.generate(request, TestGenerationContext.create()).outputs().get(0).open()) {
            return in.readAllBytes();
        }
    }
}
