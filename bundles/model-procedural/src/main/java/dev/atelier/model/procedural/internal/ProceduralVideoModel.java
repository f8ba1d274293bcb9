package dev.atelier.model.procedural.internal;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * The procedural video model: the procedural model's art set in motion (ridges drift, lights shimmer, stars twinkle,
 * shapes turn) as a short H.264 MP4, with no network and no GPU. Same prompt, seed, style, size, length and input
 * picture give the same file, byte for byte. An input picture is the base of the first frame and dissolves into the
 * art over the video.
 */
@Component(service = GenerationModel.class)
public final class ProceduralVideoModel implements GenerationModel {

    static final String ID = "procedural-video";
    static final int FPS = 12;
    static final int MIN_SIZE = 64;
    static final int MAX_SIZE = 512;
    static final int DEFAULT_SIZE = 384;
    static final String DURATION = "duration_seconds";
    static final int MIN_SECONDS = 1;
    static final int MAX_SECONDS = 6;
    static final int DEFAULT_SECONDS = 3;

    private static final int FRAMES_FROM = 2;
    private static final int FRAMES_TO = 97;

    private final ModelDescriptor descriptor;

    /** Used by Declarative Services; the model version is the Bundle-Version of this build. */
    public ProceduralVideoModel() {
        this(ProceduralModel.buildVersion());
    }

    ProceduralVideoModel(String version) {
        List<ParameterSpec> size = Requests.size(MIN_SIZE, MAX_SIZE, DEFAULT_SIZE);
        this.descriptor = ModelDescriptor.builder(ID)
                .name("Procedural Motion")
                .description("A few seconds of generative art in motion, drawn from your prompt: drifting dunes, "
                        + "shimmering polar lights, nebulae or Bauhaus posters, optionally starting from a picture "
                        + "of yours. The same prompt and seed always give the same video.")
                .version(version)
                .output(MediaKind.VIDEO)
                .accepts(InputKind.IMAGE)
                .parameter(size.get(0).withDescription("Odd widths are rounded down to an even number."))
                .parameter(size.get(1).withDescription("Odd heights are rounded down to an even number."))
                .parameter(ParameterSpec.integer(DURATION, "Length (seconds)", MIN_SECONDS, MAX_SECONDS,
                                DEFAULT_SECONDS)
                        .withDescription("At " + FPS + " frames a second."))
                .parameter(Requests.style())
                .parameter(Requests.seed().withDescription("Change it for another video from the same prompt."))
                .parameter(Requests.imageWeight().withDescription("Only with an input image: how strongly the first "
                        + "frame shows your picture under the art (1 fully); it dissolves into the art by the end."))
                .defaultCreditCost(3)
                .timeLimit(Duration.ofMinutes(5))
                .build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        context.throwIfCancelled();
        context.progress(0, "Preparing");
        // H.264 in 4:2:0 needs even sides.
        int width = Requests.side(request, Requests.WIDTH, MIN_SIZE, MAX_SIZE, DEFAULT_SIZE) & ~1;
        int height = Requests.side(request, Requests.HEIGHT, MIN_SIZE, MAX_SIZE, DEFAULT_SIZE) & ~1;
        long seconds = request.parameters().containsKey(DURATION) ? request.longParameter(DURATION) : DEFAULT_SECONDS;
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new GenerationException(GenerationException.Kind.INVALID_INPUT,
                    "The length must be between " + MIN_SECONDS + " and " + MAX_SECONDS + " seconds.");
        }
        Style style = Requests.style(request);
        long seed = Requests.seed(request);
        double weight = Requests.imageWeight(request);
        Optional<BufferedImage> input = InputImage.first(request);
        BufferedImage base = input.isPresent() ? InputImage.cover(input.get(), width, height) : null;
        int frames = (int) seconds * FPS;

        Path file = null;
        boolean done = false;
        try {
            file = Files.createTempFile("atelier-procedural-", ".mp4");
            try (Mp4Writer video = new Mp4Writer(file, width, height, FPS)) {
                for (int i = 0; i < frames; i++) {
                    context.throwIfCancelled();
                    context.progress(FRAMES_FROM + (FRAMES_TO - FRAMES_FROM) * i / frames,
                            "Drawing frame " + (i + 1) + " of " + frames);
                    video.add(frame(request.prompt(), seed, style, width, height, i, frames, base, weight));
                }
                context.throwIfCancelled();
                context.progress(FRAMES_TO, "Finishing the video");
                video.finish();
                done = true;
                context.progress(100, "Done");
                return GenerationResult.of(
                        GeneratedMedia.video("video/mp4", file, width, height, video.durationMillis()));
            }
        } catch (IOException e) {
            throw new GenerationException(GenerationException.Kind.FAILED, "The video could not be encoded.", e);
        } finally {
            if (!done && file != null) {
                deleteQuietly(file);
            }
        }
    }

    /** Frame {@code index}: the art at its time, over the input picture fading out across the video. */
    private static BufferedImage frame(String prompt, long seed, Style style, int width, int height, int index,
            int frames, BufferedImage base, double weight) {
        try (Artwork artwork = new Artwork(prompt, seed, style, width, height, index / (double) FPS)) {
            for (Layer layer : artwork.layers()) {
                artwork.paint(layer);
            }
            if (base != null) {
                double fade = frames == 1 ? 1 : 1 - index / (double) (frames - 1);
                Blend.over(base, artwork.image(), weight * fade);
            }
            return artwork.image();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
