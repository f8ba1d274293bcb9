package dev.atelier.web.api.generations;

import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.Output;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.MediaLinks;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A generation as the JSON API shows it to its owner. Output and thumbnail URLs are time-limited links.
 *
 * @param credits the price held for it (captured only if it succeeds)
 */
public record JobView(String id, String status, int progress, String stage, String error, String model, String prompt,
        String negativePrompt, Map<String, Object> parameters, List<String> inputs, long credits, Instant createdAt,
        Instant startedAt, Instant finishedAt, List<OutputView> outputs) {

    /** One stored output. */
    public record OutputView(String url, String thumbnailUrl, String mediaType, long size, int width, int height,
            Long durationMs) {}

    static JobView of(Tenant tenant, Job job, MediaLinks links) {
        List<OutputView> outputs = job.outputs().stream().map(o -> output(tenant, o, links)).toList();
        return new JobView(job.id(), job.status().name(), job.progress(), job.stage(), job.error(), job.modelId(),
                job.prompt(), job.negativePrompt(), job.parameters(), job.inputIds(), job.price(), job.createdAt(),
                job.startedAt(), job.finishedAt(), outputs);
    }

    private static OutputView output(Tenant tenant, Output o, MediaLinks links) {
        return new OutputView(links.url(tenant, o.key()),
                o.thumbnailKey() == null ? null : links.url(tenant, o.thumbnailKey()), o.mediaType(), o.size(),
                o.width(), o.height(), o.durationMillis());
    }
}
