package dev.atelier.generation;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for: a model the tenant offers, a prompt, settings and uploaded inputs.
 *
 * @param parameters JSON values or form text, checked against the model's declared parameters
 * @param inputs ids of the user's uploads
 */
public record SubmitRequest(String model, String prompt, String negativePrompt, Map<String, ?> parameters,
        List<String> inputs) {

    public SubmitRequest {
        parameters = parameters == null ? Map.of() : parameters;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }
}
