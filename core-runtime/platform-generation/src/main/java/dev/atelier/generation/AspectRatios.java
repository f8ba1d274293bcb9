package dev.atelier.generation;

import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The aspect-ratio presets a model supports, each mapped to the model's own size parameters: integer {@code width}
 * and {@code height} (the preset keeps the longer side of the model's default size, rounded to a multiple of 8, and
 * is offered when both sides are within bounds), or a {@code size} choice of {@code WxH} values (the choice whose
 * ratio is within 2 % of the preset). A model with neither has no presets.
 */
public final class AspectRatios {

    /** The ratios offered, in the order shown: square, then landscape and portrait pairs. */
    public static final List<String> RATIOS = List.of("1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16");

    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String SIZE = "size";
    private static final int ROUNDING = 8;
    private static final double TOLERANCE = 0.02;
    private static final Pattern DIMENSIONS = Pattern.compile("^(\\d+)\\s*[xX\\u00d7]\\s*(\\d+)$");

    /**
     * One preset.
     *
     * @param ratio such as {@code "16:9"}
     * @param width the width in pixels it gives
     * @param height the height in pixels it gives
     * @param parameters the model's parameter values that give it
     */
    public record Preset(String ratio, int width, int height, Map<String, Object> parameters) {

        public Preset {
            parameters = Map.copyOf(parameters);
        }
    }

    private AspectRatios() {
    }

    /** The presets {@code model} supports, in the order of {@link #RATIOS}; empty when it has no size parameters. */
    public static List<Preset> of(ModelDescriptor model) {
        Optional<ParameterSpec> width = parameter(model, WIDTH, ParameterSpec.Type.INTEGER);
        Optional<ParameterSpec> height = parameter(model, HEIGHT, ParameterSpec.Type.INTEGER);
        if (width.isPresent() && height.isPresent()) {
            return fromSides(width.get(), height.get());
        }
        return parameter(model, SIZE, ParameterSpec.Type.CHOICE).map(AspectRatios::fromChoices).orElse(List.of());
    }

    /** The preset of {@code model} for {@code ratio}, if it supports it. */
    public static Optional<Preset> find(ModelDescriptor model, String ratio) {
        return of(model).stream().filter(p -> p.ratio().equals(ratio)).findFirst();
    }

    private static List<Preset> fromSides(ParameterSpec width, ParameterSpec height) {
        long longSide = Math.max(number(width.defaultValue()), number(height.defaultValue()));
        List<Preset> presets = new ArrayList<>();
        for (String ratio : RATIOS) {
            double r = ratio(ratio);
            int w = (int) (r >= 1 ? longSide : rounded(longSide * r));
            int h = (int) (r >= 1 ? rounded(longSide / r) : longSide);
            if (within(width, w) && within(height, h)) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put(WIDTH, (long) w);
                values.put(HEIGHT, (long) h);
                presets.add(new Preset(ratio, w, h, values));
            }
        }
        return presets;
    }

    private static List<Preset> fromChoices(ParameterSpec size) {
        List<Preset> presets = new ArrayList<>();
        for (String ratio : RATIOS) {
            for (String choice : size.choices()) {
                Matcher m = DIMENSIONS.matcher(choice.strip());
                if (m.matches()) {
                    int w = Integer.parseInt(m.group(1));
                    int h = Integer.parseInt(m.group(2));
                    if (h > 0 && Math.abs((double) w / h / ratio(ratio) - 1) <= TOLERANCE) {
                        presets.add(new Preset(ratio, w, h, Map.of(SIZE, choice)));
                        break;
                    }
                }
            }
        }
        return presets;
    }

    private static Optional<ParameterSpec> parameter(ModelDescriptor model, String name, ParameterSpec.Type type) {
        return model.parameters().stream().filter(p -> p.name().equals(name) && p.type() == type).findFirst();
    }

    private static double ratio(String ratio) {
        String[] sides = ratio.split(":");
        return Double.parseDouble(sides[0]) / Double.parseDouble(sides[1]);
    }

    private static long rounded(double side) {
        return Math.round(side / ROUNDING) * ROUNDING;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static boolean within(ParameterSpec p, long value) {
        return value > 0 && (p.min() == null || value >= p.min()) && (p.max() == null || value <= p.max());
    }
}
