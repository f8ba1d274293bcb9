package dev.atelier.model.procedural.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.testkit.TestGenerationContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes sample pictures and videos of every style to {@code target/gallery}, for people to look at. */
class GalleryTest {

    private static final List<String> PROMPTS = List.of(
            "a lighthouse on a cliff at dusk", "ocean waves in winter", "a forest of tall pines",
            "neon city dreams", "cherry blossom in spring");

    @Test
    void drawsAGalleryOfEveryStyle() throws Exception {
        ProceduralModel model = new ProceduralModel();
        Path gallery = Files.createDirectories(Path.of("target", "gallery"));
        for (Style style : Style.values()) {
            for (int i = 0; i < PROMPTS.size(); i++) {
                GenerationRequest request = GenerationRequest.of(PROMPTS.get(i),
                        Map.of("width", 512L, "height", 512L, "seed", 0L, "style", style.id()));
                Path file = gallery.resolve(style.id() + "-" + i + ".png");
                try (InputStream in = model.generate(request, TestGenerationContext.create()).outputs().get(0).open()) {
                    Files.write(file, in.readAllBytes());
                }
                assertThat(file).isNotEmptyFile();
            }
        }
    }

    @Test
    void animatesAVideoOfEveryStyle() throws Exception {
        ProceduralVideoModel model = new ProceduralVideoModel();
        Path gallery = Files.createDirectories(Path.of("target", "gallery"));
        for (Style style : Style.values()) {
            GenerationRequest request = GenerationRequest.of(PROMPTS.get(0), Map.of("width", 256L, "height", 256L,
                    "duration_seconds", 2L, "seed", 0L, "style", style.id(), "image_weight", 0.6));
            Path file = gallery.resolve(style.id() + ".mp4");
            Path video = model.generate(request, TestGenerationContext.create()).outputs().get(0).file().orElseThrow();
            Files.move(video, file, StandardCopyOption.REPLACE_EXISTING);
            assertThat(file).isNotEmptyFile();
        }
    }
}
