package dev.atelier.model.procedural.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.testkit.GenerationModelContract;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
        assertThat(descriptor.inputs()).containsExactlyInAnyOrder(InputKind.TEXT, InputKind.IMAGE);
        assertThat(parameters).containsOnlyKeys("width", "height", "seed", "style", "image_weight");
        assertThat(parameters.get("image_weight").type()).isEqualTo(ParameterSpec.Type.NUMBER);
        assertThat(parameters.get("image_weight").min()).isEqualTo(0.0);
        assertThat(parameters.get("image_weight").max()).isEqualTo(1.0);
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

    @Test
    void laysTheArtOverAnInputPictureTheSameWayEveryTime() throws Exception {
        GenerationRequest text = request("a quiet harbour at dawn", Map.of("width", 256L, "height", 192L));
        GenerationRequest withPicture = withInputs(text, TestImages.png(TestImages.picture(400, 300)));

        byte[] plain = png(text);
        byte[] over = png(withPicture);

        assertThat(over).isNotEqualTo(plain);
        assertThat(png(withPicture)).isEqualTo(over);
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(over));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(192);
        assertThat(ProceduralVideoModelTest.difference(image, ImageIO.read(new java.io.ByteArrayInputStream(plain))))
                .as("mean difference to the art alone")
                .isGreaterThan(5.0);
    }

    @Test
    void showsMoreOfThePictureTheHigherItsWeight() throws Exception {
        BufferedImage picture = TestImages.picture(256, 256);
        Map<String, Object> size = Map.of("width", 256L, "height", 256L);
        double[] distances = new double[3];
        double[] weights = {0.0, 0.5, 1.0};
        for (int i = 0; i < weights.length; i++) {
            Map<String, Object> parameters = new HashMap<>(size);
            parameters.put("image_weight", weights[i]);
            byte[] png = png(withInputs(request("a red fox in deep snow", parameters), TestImages.png(picture)));
            distances[i] = ProceduralVideoModelTest.difference(
                    ImageIO.read(new java.io.ByteArrayInputStream(png)), picture);
        }

        assertThat(png(withInputs(request("a red fox in deep snow", Map.of("width", 256L, "height", 256L,
                        "image_weight", 0.0)), TestImages.png(picture))))
                .as("weight 0 draws the art alone")
                .isEqualTo(png(request("a red fox in deep snow", size)));
        assertThat(distances[1]).isLessThan(distances[0]);
        assertThat(distances[2]).isLessThan(distances[1]);
    }

    @Test
    void readsJpegPicturesAndCropsThemToTheRequestedShape() throws Exception {
        GenerationRequest request = withInputs(request("a forest", Map.of("width", 128L, "height", 320L)),
                TestImages.jpeg(TestImages.picture(640, 360)));
        TestGenerationContext context = TestGenerationContext.create();

        GenerationResult result = model.generate(request, context);

        assertThat(result.outputs().get(0).width()).isEqualTo(128);
        assertThat(result.outputs().get(0).height()).isEqualTo(320);
        assertThat(context.progressReports()).extracting(TestGenerationContext.ProgressReport::stage)
                .contains("Fitting your picture", "Laying the art over your picture", "Encoding PNG", "Done");
        assertThat(context.progressPercents()).isSorted();
    }

    @Test
    void rejectsAnInputItCannotReadAsInvalidInput() {
        GenerationRequest request = withInputs(request("a lighthouse", Map.of()),
                TestMedia.upload("image/png", "not a picture at all".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> model.generate(request, TestGenerationContext.create()))
                .isInstanceOfSatisfying(GenerationException.class,
                        e -> assertThat(e.kind()).isEqualTo(GenerationException.Kind.INVALID_INPUT))
                .hasMessageContaining("could not be read");
    }

    private static GenerationRequest withInputs(GenerationRequest request, InputMedia... inputs) {
        return new GenerationRequest(request.prompt(), null, request.parameters(), List.of(inputs));
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
