package dev.atelier.web.operator;

import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns request text values into the typed, bounded parameter map a model expects: converts each value to its
 * declared type, fills in defaults, and rejects unknown or out-of-range values with one field error each.
 */
public final class ParameterBinder {

    private ParameterBinder() {}

    /**
     * @param given raw values keyed by parameter name
     * @param ignored request fields that are not model parameters (such as {@code prompt})
     * @throws ProblemException 422 listing every bad field
     */
    public static Map<String, Object> bind(ModelDescriptor model, Map<String, String> given, Set<String> ignored) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            String text = given.get(spec.name());
            Object value = text == null ? spec.defaultValue() : convert(spec, text);
            if (value == null && spec.type() == ParameterSpec.Type.STRING) {
                continue;
            }
            spec.check(value).ifPresentOrElse(
                    problem -> errors.add(new Problem.FieldError(spec.name(), spec.name() + " " + problem)),
                    () -> bound.put(spec.name(), value));
        }
        given.keySet().stream()
                .filter(name -> !ignored.contains(name))
                .filter(name -> model.parameters().stream().noneMatch(p -> p.name().equals(name)))
                .sorted()
                .forEach(name -> errors.add(new Problem.FieldError(name,
                        "model " + model.id() + " has no parameter " + name)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Some parameters are not acceptable for model " + model.id() + ".", errors);
        }
        return bound;
    }

    private static Object convert(ParameterSpec spec, String text) {
        try {
            return switch (spec.type()) {
                case INTEGER -> Long.parseLong(text.strip());
                case NUMBER -> Double.parseDouble(text.strip());
                case BOOLEAN -> text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
                case STRING, CHOICE -> text;
            };
        } catch (NumberFormatException e) {
            return text; // check() then reports the type mismatch in words
        }
    }
}
