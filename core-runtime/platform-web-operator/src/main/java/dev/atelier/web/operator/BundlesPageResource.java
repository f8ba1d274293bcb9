package dev.atelier.web.operator;

import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.plugins.BundleCanaries;
import dev.atelier.plugins.BundleCanaries.CanaryException;
import dev.atelier.plugins.ClusterBundles;
import dev.atelier.plugins.InvalidBundleException;
import dev.atelier.plugins.PluginHost;
import dev.atelier.web.auth.RequestAuth;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The console's bundles page ({@code operator/bundles.ftlh}): every bundle with its health, calls, retained versions
 * and canary, and the forms that deploy, update, roll back, uninstall and run canaries. Operators only. Like the
 * sign-in form, every form is accepted only from the operator host's own {@code Origin}, checked (with the operator
 * cookie) before the body is read ({@link ConsoleForm}); that is what keeps other sites from posting them.
 */
@Path("/operator/bundles")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public final class BundlesPageResource {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BY = "operator console";
    private static final Map<String, String> NOTICES = Map.of(
            "deployed", "The bundle was deployed; every node installs it.",
            "rolled-back", "Rolled back; every node goes to that version.",
            "uninstalled", "The bundle was uninstalled from every node.",
            "canary-started", "The canary runs beside the current version on every node.",
            "promoted", "The canary was promoted: it is the current version on every node.",
            "canary-rolled-back", "The canary was rolled back: the current version serves everyone again.");

    private final PluginHost host;
    private final ClusterBundles cluster;
    private final BundleCanaries canaries;
    private final OperatorPages pages;
    private final BundlesPageModel model;

    @Inject
    public BundlesPageResource(PluginHost host, ClusterBundles cluster, BundleCanaries canaries,
            TenantDirectory tenants, OperatorPages pages) {
        this.host = host;
        this.cluster = cluster;
        this.canaries = canaries;
        this.pages = pages;
        this.model = new BundlesPageModel(host, cluster, canaries, tenants);
    }

    @GET
    public Response page(@QueryParam("done") String done, @Context HttpServletRequest request) {
        if (!RequestAuth.isOperator(request)) {
            return toSignIn();
        }
        return render(NOTICES.getOrDefault(done == null ? "" : done, ""), "", 200);
    }

    /** Deploys the jar of the form's {@code jar} field: a new bundle, or an update of the one with its name. */
    @POST
    @ConsoleForm
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpServletRequest request) {
        return guarded(() -> {
            Part jar = part(request, "jar");
            if (jar == null || jar.getSize() == 0) {
                return render("", "Choose a bundle jar to upload.", 422);
            }
            try (InputStream in = jar.getInputStream()) {
                host.deploy(in, WAIT);
            } catch (InvalidBundleException e) {
                return render("", "That file is not a bundle Atelier can deploy: " + e.getMessage(), 422);
            }
            cluster.syncNow();
            return done("deployed");
        });
    }

    /** Goes back to the retained jar of the form's {@code version}, on every node. */
    @POST
    @ConsoleForm
    @Path("{name}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollBack(@PathParam("name") String name, @FormParam("version") String field) {
        return guarded(() -> {
            String version = field == null ? "" : field.strip();
            return cluster.rollBackTo(name, version, BY)
                    .map(revision -> {
                        // Shown on the next page load: wait (bounded) until this node runs it.
                        InstalledVersion.await(host, name, revision.version(), WAIT);
                        return done("rolled-back");
                    })
                    .orElseGet(() -> render("", "The cluster keeps no jar of " + name + " at version " + version
                            + ".", 422));
        });
    }

    /** Removes the bundle from every node, once the form's {@code confirm} box says the operator means it. */
    @POST
    @ConsoleForm
    @Path("{name}/uninstall")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response uninstall(@PathParam("name") String name, @FormParam("confirm") String confirm) {
        return guarded(() -> {
            if (!"yes".equals(confirm)) {
                return render("", "Tick the box to confirm that " + name + " should stop serving on every node.",
                        422);
            }
            canaries.endIfRunning(name, BY);
            if (!host.undeploy(name, WAIT)) {
                return render("", "No bundle " + name + " is deployed.", 404);
            }
            cluster.syncNow();
            return done("uninstalled");
        });
    }

    /** Starts a canary of the form's {@code jar} of the bundle, serving its {@code tenant} and/or {@code percent} of jobs. */
    @POST
    @ConsoleForm
    @Path("{name}/canary")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response startCanary(@PathParam("name") String name, @Context HttpServletRequest request) {
        return guarded(() -> {
            Part jar = part(request, "jar");
            if (jar == null || jar.getSize() == 0) {
                return render("", "Choose the canary's bundle jar.", 422);
            }
            String tenant = text(part(request, "tenant"));
            String tenantId;
            int percent;
            try {
                tenantId = tenant.isEmpty() ? null : model.tenantId(tenant);
                percent = OperatorCanariesResource.percent(text(part(request, "percent")));
            } catch (IllegalArgumentException e) {
                return render("", e.getMessage(), 422);
            } catch (RuntimeException e) {
                return render("", "The share of jobs must be a whole number from 0 to 100.", 422);
            }
            try (InputStream in = jar.getInputStream()) {
                canaries.start(name, in.readAllBytes(), tenantId, percent, BY);
            } catch (CanaryException e) {
                return render("", e.getMessage(), e.invalid() ? 422 : 409);
            }
            return done("canary-started");
        });
    }

    /** Makes the bundle's running canary its current version on every node. */
    @POST
    @ConsoleForm
    @Path("{name}/canary/promote")
    public Response promote(@PathParam("name") String name) {
        return guarded(() -> canaryAction(() -> canaries.promote(name, BY), "promoted"));
    }

    /** Ends the bundle's running canary; the current version serves everyone again. */
    @POST
    @ConsoleForm
    @Path("{name}/canary/rollback")
    public Response rollBackCanary(@PathParam("name") String name) {
        return guarded(() -> canaryAction(() -> canaries.rollBack(name, BY), "canary-rolled-back"));
    }

    /** Runs a form's action; who may post and from where was checked before (see {@link ConsoleForm}). */
    private Response guarded(Action action) {
        try {
            return action.run();
        } catch (IOException | ServletException | IllegalStateException e) {
            return render("", "The form could not be read. Try again.", 400);
        }
    }

    private Response canaryAction(CanaryStep step, String notice) {
        try {
            step.run();
            return done(notice);
        } catch (CanaryException e) {
            return render("", e.getMessage(), 409);
        }
    }

    private Response render(String notice, String error, int status) {
        return pages.render("bundles.ftlh", model.page(notice, error), status, "private, no-store");
    }

    private static Response done(String notice) {
        return Response.seeOther(URI.create("/operator/bundles?done=" + notice)).header("Cache-Control", "no-store")
                .build();
    }

    private static Response toSignIn() {
        return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store").build();
    }

    private static Part part(HttpServletRequest request, String name) throws IOException, ServletException {
        return request.getPart(name);
    }

    private static String text(Part part) throws IOException {
        if (part == null) {
            return "";
        }
        try (InputStream in = part.getInputStream()) {
            // Form fields are short; a field past this is not one of ours.
            return new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
        }
    }

    /** A page action that may fail reading its form. */
    @FunctionalInterface
    private interface Action {
        Response run() throws IOException, ServletException;
    }

    /** A canary change. */
    @FunctionalInterface
    private interface CanaryStep {
        Object run() throws CanaryException;
    }
}
