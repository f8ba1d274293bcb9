package dev.atelier.web.api.generations;

import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.JobPage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.InvalidGenerationException;
import dev.atelier.generation.SubmitRequest;
import dev.atelier.web.Pagination;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.legal.RequiresAcceptance;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import dev.atelier.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/generations}: submit (202, {@code Idempotency-Key} honoured), read, follow progress as Server-Sent
 * Events, list the user's history, cancel and delete. Only the owner sees a job; anyone else gets 404.
 */
@Path("/api/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
public final class GenerationsResource {

    /** What a client sends. */
    public record Submit(String model, String prompt, String negativePrompt, Map<String, Object> parameters,
            List<String> inputs) {}

    public record JobList(List<JobView> items, String nextCursor) {}

    // A stream refused for the cap: most streams end within a job's run, so a short wait usually finds a free slot.
    private static final String STREAMS_RETRY_AFTER_SECONDS = "10";
    private static final int MAX_KEY_LENGTH = 200;

    private final GenerationModule generation;
    private final ProgressStreams streams;

    @Inject
    public GenerationsResource(GenerationModule generation, ProgressStreams streams) {
        this.generation = generation;
        this.streams = streams;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresAcceptance
    public Response submit(Submit body, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        if (body == null) {
            throw new ProblemException(400, "Bad Request", "Send a JSON object with model and prompt.");
        }
        if (body.inputs() != null && body.inputs().contains(null)) {
            throw ProblemException.invalid("Each input is the id of one of your uploads.",
                    List.of(new Problem.FieldError("inputs", "must not hold null")));
        }
        if (body.parameters() != null && body.parameters().containsValue(null)) {
            throw ProblemException.invalid("Leave a setting out rather than sending null.",
                    List.of(new Problem.FieldError("parameters", "must not hold null")));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new ProblemException(400, "Bad Request", "The Idempotency-Key must be 1 to 200 characters.");
        }
        try {
            Job job = generation.submissions().submit(tenant, viewer.account().id(), new SubmitRequest(body.model(),
                    body.prompt(), body.negativePrompt(), body.parameters(), body.inputs()), idempotencyKey);
            return Response.accepted(JobView.of(tenant, job, generation.links()))
                    .location(URI.create("/api/v1/generations/" + job.id())).build();
        } catch (InvalidGenerationException e) {
            return GenerationProblems.of(e);
        }
    }

    @GET
    public JobList list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        JobPage page;
        try {
            page = generation.jobs().list(tenant.id(), viewer.account().id(), Pagination.limit(limit), cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad request",
                    "The cursor is not one this API handed out; start again without it.");
        }
        return new JobList(page.items().stream().map(j -> JobView.of(tenant, j, generation.links())).toList(),
                page.nextCursor());
    }

    @GET
    @Path("{id}")
    public JobView get(@PathParam("id") String id, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        return JobView.of(tenant, owned(request, id), generation.links());
    }

    @POST
    @Path("{id}/cancel")
    public JobView cancel(@PathParam("id") String id, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        Job job = generation.jobs().cancel(tenant.id(), viewer.account().id(), id)
                .orElseThrow(() -> ProblemException.notFound("You have no generation with this id."));
        generation.signals().changed(id);
        return JobView.of(tenant, job, generation.links());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        Job job = owned(request, id);
        if (!job.status().isFinal()) {
            throw new ProblemException(409, "Conflict", "This generation is still in progress. Cancel it first.");
        }
        generation.delete(tenant, viewer.account().id(), id);
        return Response.noContent().build();
    }

    /**
     * Server-Sent Events: {@code progress} events ({@code {"status","progress","stage"}}) whenever they change, then
     * one {@code done} event with the whole job when it ends (or {@code gone} if it was deleted), and the stream
     * closes. The request leaves Jersey's thread once checked: {@link ProgressStreams} writes the events as the job
     * changes, on whichever node it runs. An account and a client address may hold only so many open (429 beyond),
     * and a stream ends after {@link EventStreams.Limits#maxLifetime()} (the browser reconnects).
     */
    @GET
    @Path("{id}/events")
    @Produces("text/event-stream")
    public Response events(@PathParam("id") String id, @Context HttpServletRequest request) throws IOException {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        long stamp = generation.signals().stamp(id);
        Job job = owned(request, id);
        if ("HEAD".equals(request.getMethod())) {
            // No body will be written, so no stream would ever give a slot back.
            return Response.ok().type("text/event-stream").header("Cache-Control", "no-store").build();
        }
        StreamHandOff.Parts parts = StreamHandOff.of(request).orElseThrow(() -> new IllegalStateException(
                "progress streams need the StreamHandOff filter in front of Jersey"));
        Optional<EventStreams.Slot> slot = streams.caps().open(tenant.id() + ":" + viewer.account().id(),
                request.getRemoteAddr());
        if (slot.isEmpty()) {
            Response refused = Problems.response(429, "Too Many Requests", "Too many progress streams are open."
                    + " Close some pages that follow a creation, then try again.");
            refused.getHeaders().putSingle("Retry-After", STREAMS_RETRY_AFTER_SECONDS);
            return refused;
        }
        try {
            streams.follow(parts.request(), parts.response().detach(), tenant, viewer.account().id(),
                    new JobWatch.Known(job, stamp), slot.get());
        } catch (IOException | RuntimeException e) {
            slot.get().close();
            throw e;
        }
        // Jersey writes this into the detached response, where it goes nowhere; the stream has the real one.
        return Response.ok().build();
    }

    private Job owned(HttpServletRequest request, String id) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        return generation.jobs().find(tenant.id(), viewer.account().id(), id)
                .orElseThrow(() -> ProblemException.notFound("You have no generation with this id."));
    }

}
