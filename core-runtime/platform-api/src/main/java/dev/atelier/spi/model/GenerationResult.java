package dev.atelier.spi.model;

import java.util.List;

/** What a generation produced: one or more media of the model's output kind. Immutable. */
public final class GenerationResult {

    private final List<GeneratedMedia> outputs;

    public GenerationResult(List<GeneratedMedia> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one output");
        }
        this.outputs = List.copyOf(outputs);
    }

    /** A result with one output. */
    public static GenerationResult of(GeneratedMedia output) {
        return new GenerationResult(List.of(output));
    }

    public List<GeneratedMedia> outputs() {
        return outputs;
    }
}
