package dev.atelier.generation.jobs;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How many jobs of a model may run at once across the whole cluster (every worker of every node), by model id: a
 * vendor's rate limit, or a slow model kept from taking every worker. Models not named run without a limit of their
 * own; they still share the workers fairly between tenants.
 *
 * @param limits running jobs allowed, by model id; each at least 1
 */
public record ModelLimits(Map<String, Integer> limits) {

    /** No model has a limit. */
    public static final ModelLimits NONE = new ModelLimits(Map.of());

    public ModelLimits {
        // Sorted, so the claim query sees the models in one order and logs read the same on every node.
        TreeMap<String, Integer> sorted = new TreeMap<>();
        limits.forEach((model, limit) -> {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("A model limit needs a model id");
            }
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("The limit of model " + model + " must be at least 1, was "
                        + limit);
            }
            sorted.put(model.strip(), limit);
        });
        limits = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The limit of this model, or empty if it has none. */
    public OptionalInt of(String modelId) {
        Integer limit = limits.get(modelId);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * These limits, with {@code defaults} for the models these do not name: the operator's setting wins over a
     * model's own declaration.
     */
    public ModelLimits orElse(Map<String, Integer> defaults) {
        Map<String, Integer> merged = new TreeMap<>(defaults);
        merged.putAll(limits);
        return new ModelLimits(merged);
    }

    String[] models() {
        return limits.keySet().toArray(String[]::new);
    }

    Integer[] maxima() {
        return limits.values().toArray(Integer[]::new);
    }
}
