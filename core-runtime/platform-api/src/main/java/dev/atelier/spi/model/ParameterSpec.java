package dev.atelier.spi.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One tunable parameter of a model (size, seed, duration, style...), with its type and bounds.
 *
 * <p>The host shows parameters in the create form, validates requests against them (a value out of bounds is rejected
 * with a message naming the parameter) and fills in {@link #defaultValue()} when a request leaves one out. Create
 * instances with the static factories; they are immutable.
 */
public final class ParameterSpec {

    /** The value type of a parameter, and the Java type the model receives in {@link GenerationRequest#parameters()}. */
    public enum Type {
        /** A whole number, received as {@link Long}. Bounds: {@link #min()} and {@link #max()}. */
        INTEGER,
        /** A decimal number, received as {@link Double}. Bounds: {@link #min()} and {@link #max()}. */
        NUMBER,
        /** {@code true} or {@code false}, received as {@link Boolean}. */
        BOOLEAN,
        /** Free text, received as {@link String}. Bound: {@link #max()} is the longest allowed length. */
        STRING,
        /** One of {@link #choices()}, received as {@link String}. */
        CHOICE
    }

    private final String name;
    private final String label;
    private final String description;
    private final Type type;
    private final Double min;
    private final Double max;
    private final Object defaultValue;
    private final List<String> choices;

    private ParameterSpec(
            String name, String label, String description, Type type, Double min, Double max, Object defaultValue,
            List<String> choices) {
        this.name = requireName(name);
        this.label = Objects.requireNonNull(label, "label");
        this.description = description == null ? "" : description;
        this.type = type;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException(name + ": min " + min + " is greater than max " + max);
        }
        this.defaultValue = defaultValue;
        if (defaultValue != null) {
            check(defaultValue).ifPresent(problem -> {
                throw new IllegalArgumentException(name + ": default value " + problem);
            });
        }
    }

    /** A whole-number parameter between {@code min} and {@code max} inclusive. */
    public static ParameterSpec integer(String name, String label, long min, long max, long defaultValue) {
        return new ParameterSpec(name, label, null, Type.INTEGER, (double) min, (double) max, defaultValue, List.of());
    }

    /** A decimal parameter between {@code min} and {@code max} inclusive. */
    public static ParameterSpec number(String name, String label, double min, double max, double defaultValue) {
        return new ParameterSpec(name, label, null, Type.NUMBER, min, max, defaultValue, List.of());
    }

    /** A yes/no parameter. */
    public static ParameterSpec bool(String name, String label, boolean defaultValue) {
        return new ParameterSpec(name, label, null, Type.BOOLEAN, null, null, defaultValue, List.of());
    }

    /** A free-text parameter of at most {@code maxLength} characters; {@code defaultValue} may be {@code null}. */
    public static ParameterSpec text(String name, String label, int maxLength, String defaultValue) {
        return new ParameterSpec(name, label, null, Type.STRING, 0.0, (double) maxLength, defaultValue, List.of());
    }

    /** A parameter whose value is one of {@code choices}; {@code defaultValue} must be one of them. */
    public static ParameterSpec choice(String name, String label, List<String> choices, String defaultValue) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice needs at least one option");
        }
        return new ParameterSpec(name, label, null, Type.CHOICE, null, null, defaultValue, choices);
    }

    /** Returns a copy with a one-sentence help text shown next to the field. */
    public ParameterSpec withDescription(String description) {
        return new ParameterSpec(name, label, description, type, min, max, defaultValue, choices);
    }

    /** Key of the parameter in requests: lower case letters, digits and underscores, starting with a letter. */
    public String name() {
        return name;
    }

    /** Short label for people, for example {@code "Width (px)"}. */
    public String label() {
        return label;
    }

    /** One-sentence help text; empty when none was given. */
    public String description() {
        return description;
    }

    public Type type() {
        return type;
    }

    /** Lower bound for numbers; {@code null} for other types. */
    public Double min() {
        return type == Type.INTEGER || type == Type.NUMBER ? min : null;
    }

    /** Upper bound for numbers, longest length for text; {@code null} for other types. */
    public Double max() {
        return max;
    }

    /** The value used when a request leaves the parameter out; {@code null} only for optional text. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The allowed values of a {@link Type#CHOICE}; empty for other types. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Checks a value against this parameter's type and bounds.
     *
     * @param value a value as received from JSON ({@link Number}, {@link Boolean} or {@link String})
     * @return a message for a person ("must be between 64 and 2048") when the value is not acceptable
     */
    public Optional<String> check(Object value) {
        if (value == null) {
            return Optional.of("is required");
        }
        switch (type) {
            case INTEGER:
                if (!(value instanceof Number) || ((Number) value).doubleValue() % 1 != 0) {
                    return Optional.of("must be a whole number");
                }
                return checkRange(((Number) value).doubleValue());
            case NUMBER:
                return value instanceof Number ? checkRange(((Number) value).doubleValue())
                        : Optional.of("must be a number");
            case BOOLEAN:
                return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case STRING:
                if (!(value instanceof String)) {
                    return Optional.of("must be text");
                }
                return ((String) value).length() > max
                        ? Optional.of("must be at most " + max.longValue() + " characters")
                        : Optional.empty();
            case CHOICE:
                return choices.contains(value) ? Optional.empty()
                        : Optional.of("must be one of " + String.join(", ", choices));
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    private Optional<String> checkRange(double number) {
        if ((min != null && number < min) || (max != null && number > max)) {
            return Optional.of("must be between " + format(min) + " and " + format(max));
        }
        return Optional.empty();
    }

    private String format(Double bound) {
        return type == Type.INTEGER ? Long.toString(bound.longValue()) : bound.toString();
    }

    private static String requireName(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("parameter name must match [a-z][a-z0-9_]{0,63}: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return "ParameterSpec[" + name + ":" + type + "]";
    }
}
