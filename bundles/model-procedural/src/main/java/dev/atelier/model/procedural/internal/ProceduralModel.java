package dev.atelier.model.procedural.internal;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.osgi.service.component.annotations.Component;

/**
 * The procedural model: deterministic generative art drawn from the prompt, with no network and no GPU. Same prompt,
 * seed, style and size give the same PNG, byte for byte.
 */
@Component(service = GenerationModel.class)
public final class ProceduralModel implements GenerationModel {

    static final String ID = "procedural";
    static final int MIN_SIZE = 64;
    static final int MAX_SIZE = 2048;
    static final int DEFAULT_SIZE = 1024;

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
                        + "posters. The same prompt and seed always give the same picture.")
                .version(version)
                .output(MediaKind.IMAGE)
                .parameter(ParameterSpec.integer("width", "Width (px)", MIN_SIZE, MAX_SIZE, DEFAULT_SIZE))
                .parameter(ParameterSpec.integer("height", "Height (px)", MIN_SIZE, MAX_SIZE, DEFAULT_SIZE))
                .parameter(ParameterSpec.choice("style", "Style", Style.ids(), Style.DEFAULT.id())
                        .withDescription("Dunes: layered landscape; aurora: polar lights; nebula: gas clouds and "
                                + "stars; bauhaus: poster of shapes."))
                .parameter(ParameterSpec.integer("seed", "Seed", 0, Integer.MAX_VALUE, 0)
                        .withDescription("Change it for another picture from the same prompt."))
                .defaultCreditCost(1)
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
        int width = size(request, "width");
        int height = size(request, "height");
        String styleId = request.stringParameter("style").orElse(Style.DEFAULT.id());
        Style style = Style.byId(styleId).orElseThrow(() -> new GenerationException(
                GenerationException.Kind.INVALID_INPUT, "Unknown style \"" + styleId + "\"; choose one of "
                        + String.join(", ", Style.ids()) + "."));
        long seed = request.parameters().containsKey("seed") ? request.longParameter("seed") : 0;

        try (Artwork artwork = new Artwork(request.prompt(), seed, style, width, height)) {
            List<Layer> layers = artwork.layers();
            for (int i = 0; i < layers.size(); i++) {
                context.throwIfCancelled();
                Layer layer = layers.get(i);
                context.progress(5 + (ENCODING_PERCENT - 5) * i / layers.size(), layer.stage());
                artwork.paint(layer);
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

    private int size(GenerationRequest request, String name) throws GenerationException {
        long value = request.parameters().containsKey(name) ? request.longParameter(name) : DEFAULT_SIZE;
        if (value < MIN_SIZE || value > MAX_SIZE) {
            throw new GenerationException(GenerationException.Kind.INVALID_INPUT,
                    "The " + name + " must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels.");
        }
        return (int) value;
    }

    private static String buildVersion() {
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
