package dev.atelier.model.procedural.internal;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.ParameterSpec;
import java.util.List;

/** The parameters both procedural models share, declared and read the same way. */
final class Requests {

    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String STYLE = "style";
    static final String SEED = "seed";
    static final String IMAGE_WEIGHT = "image_weight";
    static final double DEFAULT_IMAGE_WEIGHT = 0.6;

    private Requests() {}

    static ParameterSpec style() {
        return ParameterSpec.choice(STYLE, "Style", Style.ids(), Style.DEFAULT.id())
                .withDescription("Dunes: layered landscape; aurora: polar lights; nebula: gas clouds and stars; "
                        + "bauhaus: poster of shapes.");
    }

    static ParameterSpec seed() {
        return ParameterSpec.integer(SEED, "Seed", 0, Integer.MAX_VALUE, 0)
                .withDescription("Change it for another picture from the same prompt.");
    }

    static ParameterSpec imageWeight() {
        return ParameterSpec.number(IMAGE_WEIGHT, "Input image weight", 0.0, 1.0, DEFAULT_IMAGE_WEIGHT)
                .withDescription("Only with an input image: 0 draws the art alone, 1 lays it fully over your "
                        + "picture, keeping the picture's light and shade.");
    }

    static List<ParameterSpec> size(int min, int max, int defaultSize) {
        return List.of(ParameterSpec.integer(WIDTH, "Width (px)", min, max, defaultSize),
                ParameterSpec.integer(HEIGHT, "Height (px)", min, max, defaultSize));
    }

    static Style style(GenerationRequest request) throws GenerationException {
        String id = request.stringParameter(STYLE).orElse(Style.DEFAULT.id());
        return Style.byId(id).orElseThrow(() -> new GenerationException(GenerationException.Kind.INVALID_INPUT,
                "Unknown style \"" + id + "\"; choose one of " + String.join(", ", Style.ids()) + "."));
    }

    static long seed(GenerationRequest request) {
        return request.parameters().containsKey(SEED) ? request.longParameter(SEED) : 0;
    }

    static double imageWeight(GenerationRequest request) {
        return request.parameters().containsKey(IMAGE_WEIGHT)
                ? Math.max(0, Math.min(1, request.doubleParameter(IMAGE_WEIGHT)))
                : DEFAULT_IMAGE_WEIGHT;
    }

    /** A side of the picture within {@code min..max}; the default when the request has none. */
    static int side(GenerationRequest request, String name, int min, int max, int defaultSize)
            throws GenerationException {
        long value = request.parameters().containsKey(name) ? request.longParameter(name) : defaultSize;
        if (value < min || value > max) {
            throw new GenerationException(GenerationException.Kind.INVALID_INPUT,
                    "The " + name + " must be between " + min + " and " + max + " pixels.");
        }
        return (int) value;
    }
}
