package dev.atelier.web.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.List;

/** A generation model as the API shows it. */
public record ModelView(
        String id,
        String name,
        String description,
        String version,
        String mediaKind,
        List<String> acceptedInputs,
        List<ParameterView> parameters,
        int defaultCreditCost,
        BundleRef bundle) {

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

    /** The bundle currently serving the model. */
    public record BundleRef(String symbolicName, String version) {}

    public static ModelView of(ModelInfo info) {
        ModelDescriptor d = info.descriptor();
        List<String> inputs = d.inputs().stream().sorted().map(InputKind::name).toList();
        return new ModelView(d.id(), d.name(), d.description(), d.version(), d.output().name(), inputs,
                d.parameters().stream().map(ParameterView::of).toList(), d.defaultCreditCost(),
                new BundleRef(info.bundleSymbolicName(), info.bundleVersion()));
    }
}
