package dev.atelier.web.operator.tenants;

import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantNotFoundException;
import dev.atelier.web.Page;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.operator.ConsoleError;
import dev.atelier.web.operator.ConsoleForm;
import dev.atelier.web.operator.OperatorPages;
import dev.atelier.web.operator.SizeLimitedInputStream;
import dev.atelier.web.problem.ProblemException;
import dev.atelier.web.theme.Themes;
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
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The console's tenants page ({@code operator/tenants.ftlh}): the list with usage, the create form, the folder
 * upload, and suspend / resume buttons. Posts are {@link ConsoleForm}s; each success redirects back to the list with
 * a notice, a refusal shows the page again with every problem.
 */
@Path("/operator/tenants")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public final class TenantsPageResource {

    private static final String PRIVATE = "private, no-store";

    private final TenantCatalog catalog;
    private final TenantProvisioning provisioning;
    private final OperatorPages pages;
    private final Themes themes;

    @Inject
    public TenantsPageResource(TenantCatalog catalog, TenantProvisioning provisioning, OperatorPages pages,
            Themes themes) {
        this.catalog = catalog;
        this.provisioning = provisioning;
        this.pages = pages;
        this.themes = themes;
    }

    @GET
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("done") String done,
            @Context HttpServletRequest request) {
        if (!RequestAuth.isOperator(request)) {
            return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store").build();
        }
        return page(request, cursor, TenantsPage.blankForm(), List.of(), notice(done), 200);
    }

    @POST
    @ConsoleForm
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("slug") String slug, @FormParam("name") String name,
            @FormParam("support_email") String supportEmail, @FormParam("host") String host,
            @FormParam("theme") String theme, @Context HttpServletRequest request) {
        NewTenant form = new NewTenant(slug, name, supportEmail, host, theme);
        try {
            return done("Created " + provisioning.create(form).slug() + ".");
        } catch (InvalidTenantConfigException e) {
            return refused(request, form, e);
        } catch (TenantExistsException e) {
            return page(request, null, form, List.of(e.getMessage()), null, 409);
        }
    }

    @POST
    @Path("upload")
    @ConsoleForm
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpServletRequest request) throws IOException {
        NewTenant blank = TenantsPage.blankForm();
        try (InputStream zip = new SizeLimitedInputStream(folderPart(request).getInputStream(),
                OperatorTenantsResource.MAX_ZIP_BYTES)) {
            Tenant tenant = provisioning.createFromZip(zip);
            return done("Created " + tenant.slug() + " from its folder.");
        } catch (SizeLimitedInputStream.TooLargeException e) {
            return page(request, null, blank, List.of(TenantProblems.tooLarge(OperatorTenantsResource.MAX_ZIP_BYTES)
                    .problem().detail()), null, 413);
        } catch (InvalidUploadException e) {
            return page(request, null, blank, List.of(e.getMessage() + " Nothing was changed."), null, 400);
        } catch (InvalidTenantConfigException e) {
            return refused(request, blank, e);
        } catch (TenantExistsException e) {
            return page(request, null, blank, List.of(e.getMessage()), null, 409);
        }
    }

    @POST
    @Path("{slug}/suspend")
    @ConsoleForm
    public Response suspend(@PathParam("slug") String slug) {
        return setActive(slug, false);
    }

    @POST
    @Path("{slug}/resume")
    @ConsoleForm
    public Response resume(@PathParam("slug") String slug) {
        return setActive(slug, true);
    }

    private Response setActive(String slug, boolean active) {
        try {
            provisioning.setActive(slug, active);
        } catch (TenantNotFoundException e) {
            return pages.render("error.ftlh", new ConsoleError("No such tenant",
                    "There is no tenant \"" + slug + "\"."), 404, "no-store");
        }
        return done((active ? "Resumed " : "Suspended ") + slug + ".");
    }

    private static Part folderPart(HttpServletRequest request) throws IOException {
        try {
            Part part = request.getPart("folder");
            if (part == null || part.getSize() == 0) {
                throw new InvalidUploadException("Choose a zip of a tenant folder to upload.");
            }
            return part;
        } catch (ServletException | IllegalStateException e) {
            throw new InvalidUploadException("The upload could not be read.");
        }
    }

    private Response refused(HttpServletRequest request, NewTenant form, InvalidTenantConfigException e) {
        List<String> problems = e.problems().stream().map(p -> {
            String where = TenantProblems.where(p);
            return where.isEmpty() ? p.message() : where + ": " + p.message();
        }).toList();
        return page(request, null, form, problems, null, 422);
    }

    private Response page(HttpServletRequest request, String cursor, NewTenant form, List<String> problems,
            String notice, int status) {
        Page<TenantView> tenants;
        try {
            tenants = catalog.page(null, cursor, request);
        } catch (ProblemException e) {
            return pages.render("error.ftlh", new ConsoleError("Bad page address", e.problem().detail()),
                    e.problem().status(), "no-store");
        }
        TenantsPage view = new TenantsPage(tenants.items(), tenants.nextCursor(), form, themes.names(), problems,
                notice);
        return pages.render("tenants.ftlh", view, status, PRIVATE);
    }

    // The notice travels in the address of the redirect, so a reload does not post again.
    private static Response done(String notice) {
        URI back = UriBuilder.fromPath("/operator/tenants").queryParam("done", notice).build();
        return Response.seeOther(back).header("Cache-Control", "no-store").build();
    }

    // Only notices this page wrote are shown, so a crafted link cannot put words on it.
    private static String notice(String done) {
        return done != null && done.matches("(Created|Suspended|Resumed) [a-z][a-z0-9-]{1,31}( from its folder)?\\.")
                ? done : null;
    }
}
