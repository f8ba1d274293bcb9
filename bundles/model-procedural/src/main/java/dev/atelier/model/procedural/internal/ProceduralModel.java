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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.osgi.service.component.annotations.Component;

/**
 * The procedural model: deterministic generative art drawn from the prompt, with no network and no GPU. Same prompt,
 * seed, style, size and input picture give the same PNG, byte for byte. An input picture (image-to-image) is scaled
 * and cropped to the size and the art is laid over it.
 */
@Component(service = GenerationModel.class)
public final class ProceduralModel implements GenerationModel {

    static final String ID = "procedural";
    static final int MIN_SIZE = 64;
    static final int MAX_SIZE = 2048;
    static final int DEFAULT_SIZE = 1024;

    private static final int BASE_PERCENT = 5;
    private static final int LAYERS_PERCENT = 10;
    private static final int BLENDING_PERCENT = 85;
    private static final int ENCODING_PERCENT = 90;

    private final ModelDescriptor descriptor;
    private final PngEncoder encoder = new PngEncoder();

    /** Used by Declarative Services; the model version is the Bundle-Version of this build. */
    public ProceduralModel() {
        this(buildVersion());
    }

    ProceduralModel(String version) {
        this.descriptor = ModelDescriptor.builder(ID)
                .name("Procedural Art")
                .description("Generative art drawn from your prompt: landscapes, polar lights, nebulae or Bauhaus "
                        + "posters, optionally laid over a picture of yours. The same prompt, seed and picture always "
                        + "give the same result.")
                .version(version)
                .output(MediaKind.IMAGE)
                .accepts(InputKind.IMAGE)
                .parameter(Requests.size(MIN_SIZE, MAX_SIZE, DEFAULT_SIZE).get(0))
                .parameter(Requests.size(MIN_SIZE, MAX_SIZE, DEFAULT_SIZE).get(1))
                .parameter(Requests.style())
                .parameter(Requests.seed())
                .parameter(Requests.imageWeight())
                .defaultCreditCost(1)
                .timeLimit(Duration.ofMinutes(2))
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
        int width = Requests.side(request, Requests.WIDTH, MIN_SIZE, MAX_SIZE, DEFAULT_SIZE);
        int height = Requests.side(request, Requests.HEIGHT, MIN_SIZE, MAX_SIZE, DEFAULT_SIZE);
        Style style = Requests.style(request);
        long seed = Requests.seed(request);
        Optional<BufferedImage> input = InputImage.first(request);
        BufferedImage base = null;
        if (input.isPresent()) {
            context.throwIfCancelled();
            context.progress(BASE_PERCENT, "Fitting your picture");
            base = InputImage.cover(input.get(), width, height);
        }
        int from = base == null ? BASE_PERCENT : LAYERS_PERCENT;
        int to = base == null ? ENCODING_PERCENT : BLENDING_PERCENT;

        try (Artwork artwork = new Artwork(request.prompt(), seed, style, width, height)) {
            List<Layer> layers = artwork.layers();
            for (int i = 0; i < layers.size(); i++) {
                context.throwIfCancelled();
                Layer layer = layers.get(i);
                context.progress(from + (to - from) * i / layers.size(), layer.stage());
                artwork.paint(layer);
            }
            if (base != null) {
                context.throwIfCancelled();
                context.progress(BLENDING_PERCENT, "Laying the art over your picture");
                Blend.over(base, artwork.image(), Requests.imageWeight(request));
            }
            context.throwIfCancelled();
            context.progress(ENCODING_PERCENT, "Encoding PNG");
            byte[] png = encoder.encode(artwork.image());
            context.progress(100, "Done");
            return GenerationResult.of(GeneratedMedia.image("image/png", png, width, height));
        } catch (IOException e) {
            throw new GenerationException(GenerationException.Kind.FAILED, "The picture could not be encoded.", e);
        }
    }

    static String buildVersion() {
        Properties build = new Properties();
        try (InputStream in = ProceduralModel.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the model bundle");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundleVersion(build.getProperty("version"), build.getProperty("snapshot-qualifier"));
    }

    /**
     * The Bundle-Version bnd writes for a Maven version: a snapshot gets the build's time as qualifier, so every
     * deployed build shows a new version ({@code 0.1.0-SNAPSHOT} built at 12:30 becomes {@code 0.1.0.20261125123000}).
     */
    static String bundleVersion(String mavenVersion, String snapshotQualifier) {
        return mavenVersion.endsWith("-SNAPSHOT")
                ? mavenVersion.substring(0, mavenVersion.length() - "-SNAPSHOT".length()) + "." + snapshotQualifier
                : mavenVersion;
    }
}
