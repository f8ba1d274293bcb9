package dev.atelier.web.site.creation;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.AspectRatios;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.InvalidGenerationException;
import dev.atelier.generation.Submissions;
import dev.atelier.generation.jobs.Job;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the create form's fields that are more than plain values: the aspect preset and the number of variations. */
final class CreateForm {

    /** The field holding how many variations to make, 1 to {@value Submissions#MAX_VARIATIONS}. */
    static final String VARIATIONS = "variations";

    private CreateForm() {
    }

    /**
     * The chosen model's parameters: its own fields ("p.model.name"; the form carries every model's fieldset when
     * scripts are off), with the size of the chosen aspect preset ("aspect.model") over them.
     */
    static Map<String, Object> parameters(Tenant tenant, GenerationModule generation, Map<String, String> form,
            String model) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String prefix = "p." + model + ".";
        form.forEach((name, value) -> {
            if (name.startsWith(prefix) && !value.isBlank()) {
                parameters.put(name.substring(prefix.length()), value);
            }
        });
        String ratio = form.getOrDefault("aspect." + model, "").strip();
        if (!ratio.isEmpty()) {
            generation.offers().find(tenant, model)
                    .flatMap(offer -> AspectRatios.find(offer.model().descriptor(), ratio))
                    .ifPresent(preset -> parameters.putAll(preset.parameters()));
        }
        return parameters;
    }

    /** How many variations the form asks for; 1 when it does not say. */
    static int variations(Map<String, String> form) {
        String text = form.getOrDefault(VARIATIONS, "").strip();
        if (text.isEmpty()) {
            return 1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw InvalidGenerationException.field(VARIATIONS, "Choose 1 to " + Submissions.MAX_VARIATIONS
                    + " variations.");
        }
    }

    /** A submit by the page's script, which asks for the queued jobs as JSON instead of a redirect. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    /** A queued job as the page's script follows it. */
    static Map<String, Object> queued(Job job) {
        return Map.of("id", job.id(), "url", "/gallery/" + job.id(), "events_url",
                "/api/v1/generations/" + job.id() + "/events");
    }
}
