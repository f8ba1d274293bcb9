package dev.atelier.web.operator;

import dev.atelier.core.deployments.BundleRepository.RetainedVersion;
import dev.atelier.core.deployments.BundleRepository.Revision;
import dev.atelier.plugins.BundleCanaries;
import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.CanaryFiles;
import dev.atelier.plugins.ClusterBundles;
import dev.atelier.plugins.InvalidBundleException;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginMetrics;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import dev.atelier.web.problem.Problem;
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

/**
 * {@code /api/v1/operator/bundles}: list, upload, roll back and remove plugin bundles while the platform serves. An
 * upload is stored in the deploy folder like a jar copied there by hand, so both paths behave the same, and is
 * published to the cluster's bundle repository at once, so every node installs it. The repository keeps the last jars
 * of each bundle ({@code atelier.plugins.retained-versions}), listed under {@code {name}/versions}, and a rollback goes
 * back to any of them.
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
    private final BundleCanaries canaries;

    @Inject
    public OperatorBundlesResource(PluginHost host, ClusterBundles cluster, BundleCanaries canaries) {
        this.host = host;
        this.cluster = cluster;
        this.canaries = canaries;
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
        // The bundle's current jar; its canary, if any, has a file name of its own.
        return host.bundles().stream()
                .filter(b -> name.equals(b.fileName())
                        || (name.equals(b.symbolicName()) && !CanaryFiles.isCanary(b.fileName())))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No bundle '" + name + "' is deployed."));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        // A canary of a removed bundle would serve its tenant alone; it goes first.
        canaries.endIfRunning(name, "operator API");
        if (!host.undeploy(name, WAIT)) {
            throw ProblemException.notFound("No bundle '" + name + "' is deployed.");
        }
        cluster.syncNow();
        return Response.noContent().build();
    }

    /** The jars the cluster keeps of the bundle for rollback, newest first, the current one marked. */
    @GET
    @Path("{name}/versions")
    public Page<RetainedVersionView> versions(@PathParam("name") String name, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        List<RetainedVersionView> versions = cluster.versions(name).stream().map(RetainedVersionView::of).toList();
        if (versions.isEmpty()) {
            throw ProblemException.notFound("The cluster keeps no jar of a bundle '" + name + "'.");
        }
        return Pagination.page(versions, RetainedVersionView::sortKey, limit, cursor);
    }

    /**
     * Goes back, on every node, to the retained jar of the body's {@code version}, or without a body (or version) to
     * the jar the bundle ran before its current one; answers with this node's status once it installed it, or PENDING
     * after the wait.
     */
    @POST
    @Path("{name}/rollback")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public BundleStatus rollBack(@PathParam("name") String name, RollbackRequest body) {
        BundleStatus current = get(name);
        String version = body == null ? null : body.version();
        Revision back = version == null || version.isBlank()
                ? rollBackOneStep(current.symbolicName())
                : cluster.rollBackTo(current.symbolicName(), version.strip(), "operator API")
                        .orElseThrow(() -> ProblemException.invalid("The cluster keeps no jar of '"
                                + current.symbolicName() + "' at version " + version.strip() + ".",
                                List.of(new Problem.FieldError("version", "is not a retained version of "
                                        + current.symbolicName()))));
        return awaitInstalled(current, back);
    }

    private Revision rollBackOneStep(String symbolicName) {
        return cluster.rollBack(symbolicName, "operator API")
                .orElseThrow(() -> new ProblemException(409, "Nothing to roll back to",
                        "The cluster has no earlier jar of '" + symbolicName + "' than the one it runs."));
    }

    /** This node's status of the bundle once it runs {@code back}, or PENDING after the wait. */
    private BundleStatus awaitInstalled(BundleStatus current, Revision back) {
        return InstalledVersion.await(host, current.symbolicName(), back.version(), WAIT)
                .orElseGet(() -> new BundleStatus(current.fileName(), current.symbolicName(), back.version(),
                        BundleStatus.PENDING, List.of(), null, Instant.now(), PluginMetrics.NONE));
    }

    /**
     * The body of a rollback: the version to go back to, or none for the previous jar.
     *
     * @param version a retained version of the bundle, for example {@code 1.2.0}
     */
    public record RollbackRequest(String version) {}

    /**
     * One retained jar, as the API lists it.
     *
     * @param revision the repository revision that holds it (newest one, when the same jar was deployed again)
     * @param current whether the cluster runs it now
     */
    public record RetainedVersionView(long revision, String version, String sha256, Instant changedAt,
            String changedBy, boolean current) {

        static RetainedVersionView of(RetainedVersion v) {
            return new RetainedVersionView(v.revision(), v.version(), v.sha256(), v.changedAt(), v.changedBy(),
                    v.current());
        }

        /** Newest first under the ascending order the pagination cuts by. */
        String sortKey() {
            return String.format("%019d", Long.MAX_VALUE - revision);
        }
    }
}
