package dev.atelier.web.api.generations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.MediaLinks;
import dev.atelier.generation.jobs.Job;
import dev.atelier.web.http.JsonMapperProvider;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The bytes of a progress stream's server-sent events: {@code progress} ({@code {"status","progress","stage"}}),
 * {@code done} (the whole job, as {@code GET /api/v1/generations/{id}} answers it), {@code gone} (the job was deleted)
 * and the comment lines that open a stream and keep it alive.
 */
final class ProgressEvents {

    /** Sent first, so the client sees the headers at once rather than with the first event. */
    static final byte[] OPENING = ":\n\n".getBytes(StandardCharsets.UTF_8);
    /** A comment line: browsers ignore it, but writing it finds a client that has gone and keeps proxies open. */
    static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] GONE = event("gone", "{}");
    // Shared: a mapper builds its serializers once.
    private static final ObjectMapper JSON = JsonMapperProvider.create();

    private ProgressEvents() {
    }

    /** The {@code data} of a {@code progress} event: streams compare it to send each change once. */
    static String progress(Job job) {
        return json(Map.of("status", job.status().name(), "progress", job.progress(), "stage",
                Objects.toString(job.stage(), "")));
    }

    static byte[] done(Tenant tenant, Job job, MediaLinks links) {
        return event("done", json(JobView.of(tenant, job, links)));
    }

    static byte[] event(String name, String data) {
        return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
