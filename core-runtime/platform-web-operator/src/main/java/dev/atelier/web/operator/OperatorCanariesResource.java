package dev.atelier.web.operator;

import dev.atelier.core.deployments.BundleCanaryStore.Canary;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.plugins.BundleCanaries;
import dev.atelier.plugins.BundleCanaries.CanaryException;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/operator/bundles/{name}/canary}: start a canary of a bundle (its jar as the body, whom it serves as
 * query parameters), watch it beside the current version, promote it or roll it back. See {@link BundleCanaries}.
 */
@Path("/api/v1/operator/bundles/{name}/canary")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class OperatorCanariesResource {

    private final BundleCanaries canaries;
    private final TenantDirectory tenants;

    @Inject
    public OperatorCanariesResource(BundleCanaries canaries, TenantDirectory tenants) {
        this.canaries = canaries;
        this.tenants = tenants;
    }

    /**
     * Starts a canary of the jar's bundle on every node.
     *
     * @param tenant the slug of the tenant whose jobs all go to the canary (optional)
     * @param percent the share of other jobs that go to it, 0 to 100 (optional, default 0)
     */
    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    public Response start(@PathParam("name") String name, @QueryParam("tenant") String tenant,
            @QueryParam("percent") String percent, InputStream body) throws IOException {
        String tenantId = tenantId(tenant);
        int share = percent(percent);
        byte[] jar;
        try (InputStream limited = new SizeLimitedInputStream(body, OperatorBundlesResource.MAX_UPLOAD_BYTES)) {
            jar = limited.readAllBytes();
        } catch (SizeLimitedInputStream.TooLargeException e) {
            throw new ProblemException(413, "Payload too large", "Bundles larger than "
                    + OperatorBundlesResource.MAX_UPLOAD_BYTES / (1024 * 1024) + " MB are refused.");
        }
        try {
            Canary canary = canaries.start(name, jar, tenantId, share, "operator API");
            return Response.created(URI.create("/api/v1/operator/bundles/" + name + "/canary"))
                    .entity(CanaryView.of(canary, canaries.comparison(canary.symbolicName()), tenants)).build();
        } catch (CanaryException e) {
            throw problem(e);
        }
    }

    /** The bundle's running canary beside its current version, or its last ended canary and how it ended. */
    @GET
    public CanaryView get(@PathParam("name") String name) {
        Canary canary = canaries.latest(name)
                .orElseThrow(() -> ProblemException.notFound("'" + name + "' never had a canary."));
        return CanaryView.of(canary, canaries.comparison(name), tenants);
    }

    /** Makes the running canary the bundle's current version on every node. */
    @POST
    @Path("promote")
    public CanaryView promote(@PathParam("name") String name) {
        try {
            canaries.promote(name, "operator API");
            return get(name);
        } catch (CanaryException e) {
            throw problem(e);
        }
    }

    /** Ends the running canary; the current version serves everyone again. */
    @POST
    @Path("rollback")
    public CanaryView rollBack(@PathParam("name") String name) {
        try {
            canaries.rollBack(name, "operator API");
            return get(name);
        } catch (CanaryException e) {
            throw problem(e);
        }
    }

    private String tenantId(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return tenants.bySlug(slug.strip()).map(Tenant::id).orElseThrow(() -> ProblemException.invalid(
                "There is no tenant '" + slug.strip() + "'.",
                List.of(new Problem.FieldError("tenant", "is not a tenant's slug"))));
    }

    static int percent(String percent) {
        if (percent == null || percent.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(percent.strip());
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below like a number out of range.
        }
        throw ProblemException.invalid("percent must be a whole number from 0 to 100.",
                List.of(new Problem.FieldError("percent", "must be a whole number from 0 to 100")));
    }

    private static ProblemException problem(CanaryException e) {
        return e.invalid()
                ? ProblemException.invalid(e.getMessage(), List.of())
                : new ProblemException(409, "Conflict", e.getMessage());
    }
}
