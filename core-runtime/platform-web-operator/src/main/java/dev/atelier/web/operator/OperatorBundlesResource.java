package dev.atelier.web.operator;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.InvalidBundleException;
import dev.atelier.plugins.PluginHost;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/v1/operator/bundles}: list, upload and remove plugin bundles while the platform serves. An upload is
 * stored in the deploy folder like a jar copied there by hand, so both paths behave the same.
 */
@Path("/api/v1/operator/bundles")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class OperatorBundlesResource {

    /** Uploads larger than this are refused; the AWS SDK bundle, among the largest, is about 8 MB. */
    static final long MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PluginHost host;

    @Inject
    public OperatorBundlesResource(PluginHost host) {
        this.host = host;
    }

    @GET
    public Page<BundleStatus> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        List<BundleStatus> sorted = host.bundles().stream()
                .sorted(Comparator.comparing(BundleStatus::fileName))
                .toList();
        return Pagination.page(sorted, BundleStatus::fileName, limit, cursor);
    }

    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    public Response upload(InputStream body) throws IOException {
        try (InputStream limited = new SizeLimitedInputStream(body, MAX_UPLOAD_BYTES)) {
            BundleStatus status = host.deploy(limited, WAIT);
            URI location = URI.create("/api/v1/operator/bundles/" + status.symbolicName());
            return Response.created(location).entity(status).build();
        } catch (InvalidBundleException e) {
            throw ProblemException.invalid("That file is not a bundle Atelier can deploy: " + e.getMessage(),
                    List.of());
        } catch (SizeLimitedInputStream.TooLargeException e) {
            throw new ProblemException(413, "Payload too large",
                    "Bundles larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB are refused.");
        }
    }

    @GET
    @Path("{name}")
    public BundleStatus get(@PathParam("name") String name) {
        return host.bundles().stream()
                .filter(b -> name.equals(b.symbolicName()) || name.equals(b.fileName()))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No bundle '" + name + "' is deployed."));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        if (!host.undeploy(name, WAIT)) {
            throw ProblemException.notFound("No bundle '" + name + "' is deployed.");
        }
        return Response.noContent().build();
    }
}
