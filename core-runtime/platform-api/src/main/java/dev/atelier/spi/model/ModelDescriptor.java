package dev.atelier.spi.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a model is and what it accepts: shown to tenant admins and end users, used by the host to validate and price
 * requests. Immutable; build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * ModelDescriptor.builder("acme-diffusion")
 *     .name("Acme Diffusion XL")
 *     .version("2.1.0")
 *     .output(MediaKind.IMAGE)
 *     .accepts(InputKind.TEXT, InputKind.IMAGE)
 *     .parameter(ParameterSpec.integer("width", "Width (px)", 256, 2048, 1024))
 *     .defaultCreditCost(4)
 *     .build();
 * }</pre>
 */
public final class ModelDescriptor {

    private final String id;
    private final String name;
    private final String description;
    private final String version;
    private final MediaKind output;
    private final Set<InputKind> inputs;
    private final List<ParameterSpec> parameters;
    private final int defaultCreditCost;
    private final Duration timeLimit;
    private final Integer maxRunning;

    private ModelDescriptor(Builder b) {
        this.id = b.id;
        this.name = b.name == null ? b.id : b.name;
        this.description = b.description == null ? "" : b.description;
        this.version = b.version == null ? "" : b.version;
        this.output = Objects.requireNonNull(b.output, "output");
        this.inputs = Set.copyOf(b.inputs);
        this.parameters = List.copyOf(b.parameters);
        this.defaultCreditCost = b.defaultCreditCost;
        this.timeLimit = b.timeLimit;
        this.maxRunning = b.maxRunning;
    }

    /**
     * Starts a descriptor.
     *
     * @param id stable identifier of the model, unique on the platform: lower case letters, digits, dots and dashes
     *     (for example {@code procedural} or {@code openai-gpt-image-1}). Tenants refer to models by this id, so keep
     *     it across versions.
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Stable identifier, see {@link #builder(String)}. */
    public String id() {
        return id;
    }

    /** Display name, for example {@code "Procedural Art"}. Defaults to the id. */
    public String name() {
        return name;
    }

    /** One or two sentences for people choosing a model; empty when none was given. */
    public String description() {
        return description;
    }

    /**
     * Version of the model (not necessarily of the bundle), for example {@code "1.2.0"}. When the model declared none,
     * the host lists it with its bundle's {@code Bundle-Version}; outside the host it is then empty.
     */
    public String version() {
        return version;
    }

    /**
     * This descriptor, or a copy with {@code version} when the model declared none. The host calls it with the
     * serving bundle's {@code Bundle-Version}; models have no need to.
     *
     * @since 1.2
     */
    public ModelDescriptor withDefaultVersion(String version) {
        if (!this.version.isEmpty()) {
            return this;
        }
        Builder copy = new Builder(id).name(name).description(description).version(version).output(output);
        copy.inputs.addAll(inputs);
        copy.parameters.addAll(parameters);
        copy.defaultCreditCost = defaultCreditCost;
        copy.timeLimit = timeLimit;
        copy.maxRunning = maxRunning;
        return copy.build();
    }

    /** What the model produces. */
    public MediaKind output() {
        return output;
    }

    /** What the model accepts; always contains {@link InputKind#TEXT}. */
    public Set<InputKind> inputs() {
        return inputs;
    }

    /** Parameters in the order a form should show them. */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** Credits one generation costs unless a tenant sets its own price. At least 0. */
    public int defaultCreditCost() {
        return defaultCreditCost;
    }

    /**
     * How long one call may take before the host gives up on it (it then counts as cancelled, see
     * {@link GenerationContext#deadline()}), or empty for the platform's default ({@code atelier.generation.run-deadline}).
     *
     * @since 1.1
     */
    public Optional<Duration> timeLimit() {
        return Optional.ofNullable(timeLimit);
    }

    /**
     * How many calls of this model may run at once across the whole deployment (all workers of all nodes), or empty
     * for no limit of the model's own: typically the vendor's concurrency or rate limit. Further jobs wait in the
     * queue while other models' jobs go ahead. The operator's {@code atelier.generation.model-limits} overrides it.
     *
     * @since 1.3
     */
    public OptionalInt maxRunning() {
        return maxRunning == null ? OptionalInt.empty() : OptionalInt.of(maxRunning);
    }

    @Override
    public String toString() {
        return "ModelDescriptor[" + id + " " + version + ", " + output + "]";
    }

    /** Builds a {@link ModelDescriptor}; every setter returns the builder. */
    public static final class Builder {
        private final String id;
        private String name;
        private String description;
        private String version;
        private MediaKind output;
        private final Set<InputKind> inputs = EnumSet.of(InputKind.TEXT);
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private int defaultCreditCost = 1;
        private Duration timeLimit;
        private Integer maxRunning;

        private Builder(String id) {
            if (id == null || !id.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
                throw new IllegalArgumentException("model id must match [a-z0-9][a-z0-9.-]{0,63}: " + id);
            }
            this.id = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Optional: without it the host uses the bundle's {@code Bundle-Version} (since 1.2; required before). */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Required. */
        public Builder output(MediaKind output) {
            this.output = output;
            return this;
        }

        /** Adds accepted input kinds; {@link InputKind#TEXT} is always accepted. */
        public Builder accepts(InputKind... kinds) {
            inputs.addAll(List.of(kinds));
            return this;
        }

        /** Adds a parameter; names must be unique. */
        public Builder parameter(ParameterSpec parameter) {
            Set<String> names = new HashSet<>();
            parameters.forEach(p -> names.add(p.name()));
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("duplicate parameter " + parameter.name());
            }
            parameters.add(parameter);
            return this;
        }

        /** Credits per generation, 0 or more. Defaults to 1. */
        public Builder defaultCreditCost(int credits) {
            if (credits < 0) {
                throw new IllegalArgumentException("credit cost must be 0 or more: " + credits);
            }
            this.defaultCreditCost = credits;
            return this;
        }

        /**
         * How long one call may take, between 1 second and 6 hours: a fast local model a minute, a hosted video model
         * half an hour. Without it the platform's default applies.
         *
         * @since 1.1
         */
        public Builder timeLimit(Duration limit) {
            if (limit == null || limit.compareTo(Duration.ofSeconds(1)) < 0 || limit.compareTo(Duration.ofHours(6)) > 0) {
                throw new IllegalArgumentException("time limit must be between 1 second and 6 hours: " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /**
         * Calls of this model that may run at once across the deployment, at least 1: the vendor's concurrency limit,
         * such as 8 for an account allowed eight predictions at a time. Without it the model has no limit of its own.
         *
         * @since 1.3
         */
        public Builder maxRunning(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("maxRunning must be at least 1: " + calls);
            }
            this.maxRunning = calls;
            return this;
        }

        public ModelDescriptor build() {
            return new ModelDescriptor(this);
        }
    }
}
