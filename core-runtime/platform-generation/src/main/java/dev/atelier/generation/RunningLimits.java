package dev.atelier.generation;

import dev.atelier.generation.jobs.ModelLimits;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The running limits per model that claims obey: the operator's ({@code atelier.generation.model-limits}) over those
 * the deployed models declare ({@code ModelDescriptor.maxRunning}). Read at every claim, so a model deployed or
 * updated with a new declaration is limited from its next job on.
 */
final class RunningLimits {

    private final ModelLimits configured;
    private final ModelRegistry models;

    RunningLimits(ModelLimits configured, ModelRegistry models) {
        this.configured = configured;
        this.models = models;
    }

    ModelLimits current() {
        Map<String, Integer> declared = new HashMap<>();
        for (ModelInfo model : models.list()) {
            model.descriptor().maxRunning().ifPresent(limit -> declared.put(model.descriptor().id(), limit));
        }
        return declared.isEmpty() ? configured : configured.orElse(declared);
    }
}
