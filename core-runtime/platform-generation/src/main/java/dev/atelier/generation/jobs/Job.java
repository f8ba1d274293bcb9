package dev.atelier.generation.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generation job as stored.
 *
 * @param id opaque id, {@code "gen_"} followed by the 32 hex digits of a UUIDv7 (so ids sort by creation time)
 * @param progress 0 to 100, as last reported by the worker; 100 once succeeded
 * @param stage what the worker is doing, in words for a person ("Rendering frames"), or {@code null}
 * @param error why it failed, written for a person; {@code null} unless FAILED (or a retry is pending)
 * @param price credits held, and captured on success
 * @param attempts how many times a worker has started it
 * @param cancelRequested the owner asked to cancel while it was running
 * @param startedAt when the current (or last) attempt started; {@code null} before the first
 * @param finishedAt when it reached a final status; {@code null} before
 * @param outputs the files produced; empty unless SUCCEEDED
 * @param runDeadline how long one attempt may run (the model's time limit when it was submitted), or {@code null} for
 *     the worker's default
 */
public record Job(
        String id, String tenantId, String accountId, String modelId, String prompt, String negativePrompt,
        Map<String, Object> parameters, List<String> inputIds, JobStatus status, int progress, String stage,
        String error, long price, int attempts, boolean cancelRequested, Instant createdAt, Instant startedAt,
        Instant finishedAt, List<Output> outputs, Duration runDeadline) {

    public Job {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputIds = inputIds == null ? List.of() : List.copyOf(inputIds);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
