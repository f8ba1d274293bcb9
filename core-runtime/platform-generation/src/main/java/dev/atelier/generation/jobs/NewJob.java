package dev.atelier.generation.jobs;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user asks to generate, with what the platform decided about it (price, attempts, deadline).
 *
 * @param modelId the generation model's id
 * @param prompt what to generate
 * @param negativePrompt what to avoid, or {@code null}
 * @param parameters the model's parameters, as validated against its description (JSON-compatible values)
 * @param inputIds ids of uploaded inputs (images, videos) the model reads, in order
 * @param price credits held at submit and captured on success; 0 for a free generation
 * @param maxAttempts how many times a worker may start it before a retryable failure becomes final; at least 1
 * @param runDeadline how long one attempt may run, or {@code null} for the worker's default
 * @param priority the submitter's plan priority, {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}: higher is claimed
 *     sooner among its tenant's queued jobs (never ahead of another tenant's fair share)
 */
public record NewJob(
        String modelId, String prompt, String negativePrompt, Map<String, Object> parameters, List<String> inputIds,
        long price, int maxAttempts, Duration runDeadline, int priority) {

    /** Priority of a job whose submitter's plan gives none. */
    public static final int MIN_PRIORITY = 0;
    /** Highest priority a plan may give. */
    public static final int MAX_PRIORITY = 100;

    public NewJob {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is required");
        }
        if (prompt == null) {
            throw new IllegalArgumentException("prompt is required (it may be empty)");
        }
        if (price < 0) {
            throw new IllegalArgumentException("price must not be negative, was " + price);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be " + MIN_PRIORITY + " to " + MAX_PRIORITY + ", was "
                    + priority);
        }
        // Parameters may hold nulls (a model's "unset"); Map.copyOf would refuse them.
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputIds = inputIds == null ? List.of() : List.copyOf(inputIds);
    }

    /** A job without plan priority. */
    public NewJob(String modelId, String prompt, String negativePrompt, Map<String, Object> parameters,
            List<String> inputIds, long price, int maxAttempts, Duration runDeadline) {
        this(modelId, prompt, negativePrompt, parameters, inputIds, price, maxAttempts, runDeadline, MIN_PRIORITY);
    }
}
