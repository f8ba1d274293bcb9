package dev.atelier.generation;

import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one generation with a model costs: the first of the tenant's price steps the request fits, else the base price.
 *
 * <p>A request's size is its {@code width} × {@code height}, or its {@code size} choice written {@code WxH}; its
 * duration is its {@code duration} (or {@code duration_seconds}) in seconds. A request whose size or duration cannot
 * be read ({@code size: auto}) pays the base price, as do all requests to a model that has no such setting.
 */
public final class Pricing {

    /** Parameter names a request's duration is read from, in seconds; the first one the model declares counts. */
    static final List<String> DURATION_PARAMETERS = List.of("duration", "duration_seconds");

    private final long base;
    private final List<PriceStep> steps;
    private final String durationParameter;

    /**
     * @param base the price of a request no step fits
     * @param steps the tenant's steps for the model, ascending; dropped when the model cannot be measured in their unit
     * @param model the model, for the settings it declares
     */
    public Pricing(long base, List<PriceStep> steps, ModelDescriptor model) {
        this.base = base;
        this.durationParameter = durationParameter(model);
        this.steps = steps.isEmpty() || !measurable(steps.get(0).unit(), model) ? List.of() : List.copyOf(steps);
    }

    /** A tenant's price for {@code model}: its {@code credits} (else the model's default cost) and its steps. */
    public static Pricing of(TenantSettings.ModelOffer offer, ModelDescriptor model) {
        long base = offer.credits() != null ? offer.credits() : model.defaultCreditCost();
        return new Pricing(base, offer.steps(), model);
    }

    /** Whether requests to {@code model} have a {@code unit} that price steps can be compared with. */
    public static boolean measurable(PriceStep.Unit unit, ModelDescriptor model) {
        return switch (unit) {
            case SIZE -> (numeric(model, "width") && numeric(model, "height")) || declares(model, "size");
            case DURATION -> durationParameter(model) != null;
        };
    }

    /** The price when no step fits. */
    public long base() {
        return base;
    }

    /** The steps that apply, ascending; empty when the price does not depend on the request. */
    public List<PriceStep> steps() {
        return steps;
    }

    /** The price of a request with these (bound) parameters. */
    public long of(Map<String, ?> parameters) {
        if (steps.isEmpty()) {
            return base;
        }
        OptionalDouble measure = measure(steps.get(0).unit(), parameters);
        if (measure.isEmpty()) {
            return base;
        }
        for (PriceStep step : steps) {
            if (measure.getAsDouble() <= step.measure()) {
                return step.credits();
            }
        }
        return base;
    }

    /** The least any request can cost. */
    public long lowest() {
        return steps.stream().mapToLong(PriceStep::credits).reduce(base, Math::min);
    }

    /** The most any request can cost. */
    public long highest() {
        return steps.stream().mapToLong(PriceStep::credits).reduce(base, Math::max);
    }

    private OptionalDouble measure(PriceStep.Unit unit, Map<String, ?> parameters) {
        if (unit == PriceStep.Unit.DURATION) {
            return parameters.get(durationParameter) instanceof Number seconds
                    ? OptionalDouble.of(seconds.doubleValue()) : OptionalDouble.empty();
        }
        if (parameters.get("width") instanceof Number width && parameters.get("height") instanceof Number height) {
            return OptionalDouble.of(width.doubleValue() * height.doubleValue());
        }
        if (parameters.get("size") instanceof String size) {
            OptionalLong pixels = PriceStep.pixels(size);
            if (pixels.isPresent()) {
                return OptionalDouble.of(pixels.getAsLong());
            }
        }
        return OptionalDouble.empty();
    }

    private static String durationParameter(ModelDescriptor model) {
        return DURATION_PARAMETERS.stream().filter(name -> numeric(model, name)).findFirst().orElse(null);
    }

    private static boolean numeric(ModelDescriptor model, String name) {
        return model.parameters().stream().anyMatch(p -> p.name().equals(name)
                && (p.type() == ParameterSpec.Type.INTEGER || p.type() == ParameterSpec.Type.NUMBER));
    }

    private static boolean declares(ModelDescriptor model, String name) {
        return model.parameters().stream().anyMatch(p -> p.name().equals(name));
    }
}
