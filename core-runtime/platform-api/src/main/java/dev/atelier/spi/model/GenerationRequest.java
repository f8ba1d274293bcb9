package dev.atelier.spi.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to generate: prompt, parameters and input media. Immutable.
 *
 * <p>By the time a model sees a request the host has validated it against the model's {@link ModelDescriptor}: every
 * declared parameter is present with the Java type its {@link ParameterSpec.Type} names, and inputs are of kinds the
 * model accepts.
 */
public final class GenerationRequest {

    private final String prompt;
    private final String negativePrompt;
    private final Map<String, Object> parameters;
    private final List<InputMedia> inputs;

    /**
     * @param prompt what to generate; never blank
     * @param negativePrompt what to avoid, or {@code null}
     * @param parameters parameter values keyed by {@link ParameterSpec#name()}
     * @param inputs uploaded media, in the order the user gave them
     */
    public GenerationRequest(
            String prompt, String negativePrompt, Map<String, Object> parameters, List<InputMedia> inputs) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        this.prompt = prompt;
        this.negativePrompt = negativePrompt == null || negativePrompt.isBlank() ? null : negativePrompt;
        this.parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }

    /** A text-only request. */
    public static GenerationRequest of(String prompt, Map<String, Object> parameters) {
        return new GenerationRequest(prompt, null, parameters, List.of());
    }

    public String prompt() {
        return prompt;
    }

    public Optional<String> negativePrompt() {
        return Optional.ofNullable(negativePrompt);
    }

    /** All parameter values, unmodifiable. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** A {@link ParameterSpec.Type#INTEGER} parameter. @throws IllegalArgumentException if absent or not a number */
    public long longParameter(String name) {
        return ((Number) requireParameter(name)).longValue();
    }

    /** A {@link ParameterSpec.Type#NUMBER} parameter. @throws IllegalArgumentException if absent or not a number */
    public double doubleParameter(String name) {
        return ((Number) requireParameter(name)).doubleValue();
    }

    /** A {@link ParameterSpec.Type#STRING} or {@link ParameterSpec.Type#CHOICE} parameter, if present. */
    public Optional<String> stringParameter(String name) {
        return Optional.ofNullable((String) parameters.get(name));
    }

    /** A {@link ParameterSpec.Type#BOOLEAN} parameter. @throws IllegalArgumentException if absent */
    public boolean booleanParameter(String name) {
        return (Boolean) requireParameter(name);
    }

    /** Uploaded inputs; empty for text-only requests. */
    public List<InputMedia> inputs() {
        return inputs;
    }

    private Object requireParameter(String name) {
        Object value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return value;
    }
}
