package dev.atelier.web.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atelier.generation.AspectRatios;
import dev.atelier.generation.Offers;
import dev.atelier.generation.Pricing;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.List;
import java.util.Map;

/**
 * A generation model as the API shows it; on a tenant's site with the tenant's {@code price} for it (absent from the
 * list of every deployed model, which has no prices).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
        String id,
        String name,
        String description,
        String version,
        String mediaKind,
        List<String> acceptedInputs,
        List<ParameterView> parameters,
        List<AspectRatioView> aspectRatios,
        int defaultCreditCost,
        BundleRef bundle,
        Price price) {

    /** One parameter with its type and bounds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParameterView(
            String name, String label, String description, String type, Number min, Number max, Object defaultValue,
            List<String> choices) {

        static ParameterView of(ParameterSpec spec) {
            return new ParameterView(spec.name(), spec.label(), spec.description(),
                    spec.type().name().toLowerCase(java.util.Locale.ROOT), bound(spec, spec.min()),
                    bound(spec, spec.max()), spec.defaultValue(), spec.choices().isEmpty() ? null : spec.choices());
        }

        /** Whole-number bounds read as whole numbers ({@code 64}, not {@code 64.0}). */
        private static Number bound(ParameterSpec spec, Double value) {
            boolean whole = spec.type() == ParameterSpec.Type.INTEGER || spec.type() == ParameterSpec.Type.STRING;
            return value == null ? null : whole ? (Number) value.longValue() : value;
        }
    }

    /**
     * An aspect-ratio preset the model supports: the {@code parameters} to send for it (its {@code width} and
     * {@code height}, or its {@code size} choice), giving {@code width} × {@code height} pixels.
     */
    public record AspectRatioView(String ratio, int width, int height, Map<String, Object> parameters) {

        static AspectRatioView of(AspectRatios.Preset preset) {
            return new AspectRatioView(preset.ratio(), preset.width(), preset.height(), preset.parameters());
        }
    }

    /** The bundle currently serving the model. */
    public record BundleRef(String symbolicName, String version) {}

    /**
     * What one generation costs on this site, in credits: {@code credits} for a request no step fits, {@code lowest}
     * and {@code highest} over all requests, and the tenant's steps by size ({@code WxH}) or duration (seconds).
     */
    public record Price(long credits, long lowest, long highest, List<Step> steps) {}

    /** Requests up to {@code upTo} cost {@code credits}. */
    public record Step(String upTo, long credits) {}

    public static ModelView of(ModelInfo info) {
        return of(info, null);
    }

    /** A model a tenant offers, with the tenant's price. */
    public static ModelView offered(Offers.Offer offer) {
        Pricing pricing = offer.pricing();
        return of(offer.model(), new Price(pricing.base(), pricing.lowest(), pricing.highest(),
                pricing.steps().stream().map(s -> new Step(s.upTo(), s.credits())).toList()));
    }

    private static ModelView of(ModelInfo info, Price price) {
        ModelDescriptor d = info.descriptor();
        List<String> inputs = d.inputs().stream().sorted().map(InputKind::name).toList();
        return new ModelView(d.id(), d.name(), d.description(), d.version(), d.output().name(), inputs,
                d.parameters().stream().map(ParameterView::of).toList(),
                AspectRatios.of(d).stream().map(AspectRatioView::of).toList(), d.defaultCreditCost(),
                new BundleRef(info.bundleSymbolicName(), info.bundleVersion()), price);
    }
}
