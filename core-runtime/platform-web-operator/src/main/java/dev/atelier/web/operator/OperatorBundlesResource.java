package dev.atelier.web.operator;

import dev.atelier.core.deployments.BundleRepository.Revision;
import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.ClusterBundles;
import dev.atelier.plugins.InvalidBundleException;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginMetrics;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/operator/bundles}: list, upload, roll back and remove plugin bundles while the platform serves. An
 * upload is stored in the deploy folder like a jar copied there by hand, so both paths behave the same, and is
 * published to the cluster's bundle repository at once, so every node installs it.
 */
@Path("/api/v1/operator/bundles")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class OperatorBundlesResource {

    /** Uploads larger than this are refused; the AWS SDK bundle, among the largest, is about 8 MB. */
    static final long MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PluginHost host;
    private final ClusterBundles cluster;

    @Inject
    public OperatorBundlesResource(PluginHost host, ClusterBundles cluster) {
        this.host = host;
        this.cluster = cluster;
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
            cluster.syncNow();
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
        cluster.syncNow();
        return Response.noContent().build();
    }

    /**
     * Goes back to the jar the bundle ran before its current one, on every node (the cluster's repository keeps each
     * jar it was given); answers with this node's status once it installed it, or PENDING after the wait.
     */
    @POST
    @Path("{name}/rollback")
    public BundleStatus rollBack(@PathParam("name") String name) {
        BundleStatus current = get(name);
        Revision back = cluster.rollBack(current.symbolicName(), "operator API")
                .orElseThrow(() -> new ProblemException(409, "Nothing to roll back to",
                        "The cluster has no earlier jar of '" + current.symbolicName() + "' than the one it runs."));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<BundleStatus> installed = host.bundles().stream()
                    .filter(b -> current.symbolicName().equals(b.symbolicName())
                            && back.version().equals(b.version()) && !BundleStatus.PENDING.equals(b.state()))
                    .findFirst();
            if (installed.isPresent()) {
                return installed.get();
            }
            pause();
        }
        return new BundleStatus(current.fileName(), current.symbolicName(), back.version(), BundleStatus.PENDING,
                List.of(), null, Instant.now(), PluginMetrics.NONE);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Service unavailable", "The rollback was interrupted; try again.");
        }
    }
}
