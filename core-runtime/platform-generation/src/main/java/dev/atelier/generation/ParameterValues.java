package dev.atelier.generation;

import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks request parameters against the model's declared ones: JSON numbers, booleans and strings (or their text
 * forms, from HTML forms) converted to the declared type, defaults filled in, unknown names and out-of-range values
 * refused with one field error each.
 */
public final class ParameterValues {

    private ParameterValues() {}

    /** The bound parameters; throws {@link InvalidGenerationException} (422) listing every bad field. */
    public static Map<String, Object> bind(ModelDescriptor model, Map<String, ?> given) {
        List<InvalidGenerationException.FieldError> errors = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        Map<String, ?> values = given == null ? Map.of() : given;
        for (ParameterSpec spec : model.parameters()) {
            Object raw = values.get(spec.name());
            Object value = raw == null || (raw instanceof String s && s.isBlank()) ? spec.defaultValue()
                    : convert(spec, raw);
            if (value == null && spec.type() == ParameterSpec.Type.STRING) {
                continue;
            }
            spec.check(value).ifPresentOrElse(
                    problem -> errors.add(new InvalidGenerationException.FieldError("parameters." + spec.name(),
                            (spec.label() == null ? spec.name() : spec.label()) + " " + problem)),
                    () -> bound.put(spec.name(), value));
        }
        values.keySet().stream()
                .filter(name -> model.parameters().stream().noneMatch(p -> p.name().equals(name)))
                .sorted()
                .forEach(name -> errors.add(new InvalidGenerationException.FieldError("parameters." + name,
                        "The model " + model.name() + " has no setting called " + name + ".")));
        if (!errors.isEmpty()) {
            throw new InvalidGenerationException(422, "Unprocessable Content",
                    "Some settings are not acceptable for " + model.name() + ".", errors);
        }
        return bound;
    }

    private static Object convert(ParameterSpec spec, Object raw) {
        if (!(raw instanceof String text)) {
            if (raw instanceof Number n && spec.type() == ParameterSpec.Type.INTEGER && n.doubleValue() == n.longValue()) {
                return n.longValue();
            }
            if (raw instanceof Number n && spec.type() == ParameterSpec.Type.NUMBER) {
                return n.doubleValue();
            }
            return raw;
        }
        try {
            return switch (spec.type()) {
                case INTEGER -> Long.parseLong(text.strip());
                case NUMBER -> Double.parseDouble(text.strip());
                case BOOLEAN -> text.equalsIgnoreCase("true") || text.equals("on") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
                case STRING, CHOICE -> text;
            };
        } catch (NumberFormatException e) {
            return text; // check() reports the type mismatch in words
        }
    }
}
