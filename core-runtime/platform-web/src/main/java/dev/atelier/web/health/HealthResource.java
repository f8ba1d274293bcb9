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

/** {@code /healthz}: the process is alive. {@code /readyz}: it can serve (database, migrations, plugin host). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final ReadinessChecks checks;

    @Inject
    public HealthResource(ReadinessChecks checks) {
        this.checks = checks;
    }

    @GET
    @Path("healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "ok");
    }

    @GET
    @Path("readyz")
    public Response readyz() {
        List<ReadinessCheck.Result> results = checks.run();
        List<ReadinessCheck.Result> failed = results.stream().filter(r -> !r.ready()).toList();
        if (failed.isEmpty()) {
            return Response.ok(Map.of("status", "ready", "checks", results)).build();
        }
        String reasons = failed.stream().map(r -> r.name() + ": " + r.detail()).collect(Collectors.joining("; "));
        Problem problem = new Problem("about:blank", "Not ready", 503, "Not ready to serve. " + reasons, List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
