package dev.atelier.generation;

import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of each variation of one request: the n-th (from 0) has the request's seed plus n, wrapped within
 * the seed's bounds, so the variations differ from each other and the same request always gives the same ones. A model
 * without an integer {@code seed} parameter gets the same parameters for each.
 */
final class Variations {

    static final String SEED = "seed";

    private Variations() {
    }

    static List<Map<String, Object>> of(ModelDescriptor model, Map<String, Object> parameters, int count) {
        ParameterSpec seed = model.parameters().stream()
                .filter(p -> p.name().equals(SEED) && p.type() == ParameterSpec.Type.INTEGER).findFirst()
                .orElse(null);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Map<String, Object> values = new LinkedHashMap<>(parameters);
            if (seed != null && n > 0 && parameters.get(SEED) instanceof Number first) {
                values.put(SEED, wrapped(seed, first.longValue() + n));
            }
            all.add(values);
        }
        return all;
    }

    private static long wrapped(ParameterSpec seed, long value) {
        long min = seed.min() == null ? 0 : seed.min().longValue();
        long max = seed.max() == null ? Long.MAX_VALUE : seed.max().longValue();
        return value <= max ? value : min + (value - max - 1);
    }
}
