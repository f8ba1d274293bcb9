package dev.atelier.web.health;

import dev.atelier.web.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /healthz}: the process is alive, and nothing it needs has been gone for so long that a restart is due (a
 * database unreachable past its grace). {@code /readyz}: it can serve now (database, migrations, plugin host, not
 * stopping). Both answer 503 with a problem document naming what failed.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final ReadinessChecks checks;
    private final LivenessChecks liveness;

    @Inject
    public HealthResource(ReadinessChecks checks, LivenessChecks liveness) {
        this.checks = checks;
        this.liveness = liveness;
    }

    @GET
    @Path("healthz")
    public Response healthz() {
        List<ReadinessCheck.Result> failed = liveness.run().stream().filter(r -> !r.ready()).toList();
        if (failed.isEmpty()) {
            return Response.ok(Map.of("status", "ok")).build();
        }
        return unavailable("Not alive", "Restart this node. ", failed);
    }

    @GET
    @Path("readyz")
    public Response readyz() {
        List<ReadinessCheck.Result> results = checks.run();
        List<ReadinessCheck.Result> failed = results.stream().filter(r -> !r.ready()).toList();
        if (failed.isEmpty()) {
            return Response.ok(Map.of("status", "ready", "checks", results)).build();
        }
        return unavailable("Not ready", "Not ready to serve. ", failed);
    }

    private static Response unavailable(String title, String lead, List<ReadinessCheck.Result> failed) {
        String reasons = failed.stream().map(r -> r.name() + ": " + r.detail()).collect(Collectors.joining("; "));
        Problem problem = new Problem("about:blank", title, 503, lead + reasons, List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
