package dev.atelier.web.operator.tenants;

import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantNotFoundException;
import dev.atelier.web.Page;
import dev.atelier.web.operator.OperatorOnly;
import dev.atelier.web.operator.SizeLimitedInputStream;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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

/**
 * {@code /api/v1/operator/tenants}: list (with usage), create from JSON or from a zip of a tenant folder, read one,
 * suspend and resume. Operator token only; changes need it in the {@code Authorization} header.
 */
@Path("/api/v1/operator/tenants")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public final class OperatorTenantsResource {

    /** Largest tenant folder zip taken, here and on the console's upload form. */
    public static final long MAX_ZIP_BYTES = 1024L * 1024;

    private final TenantCatalog catalog;
    private final TenantProvisioning provisioning;

    @Inject
    public OperatorTenantsResource(TenantCatalog catalog, TenantProvisioning provisioning) {
        this.catalog = catalog;
        this.provisioning = provisioning;
    }

    @GET
    public Page<TenantView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context HttpServletRequest request) {
        return catalog.page(limit, cursor, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTenant form, @Context HttpServletRequest request) {
        if (form == null) {
            throw new ProblemException(400, "Bad Request", "Send the tenant as JSON: slug, name, support_email.");
        }
        try {
            return created(provisioning.create(form), request);
        } catch (InvalidTenantConfigException e) {
            throw TenantProblems.invalid(e);
        } catch (TenantExistsException e) {
            throw TenantProblems.exists(e);
        }
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body, @Context HttpServletRequest request) throws IOException {
        try (InputStream limited = new SizeLimitedInputStream(body, MAX_ZIP_BYTES)) {
            return created(provisioning.createFromZip(limited), request);
        } catch (SizeLimitedInputStream.TooLargeException e) {
            throw TenantProblems.tooLarge(MAX_ZIP_BYTES);
        } catch (InvalidUploadException e) {
            throw TenantProblems.upload(e);
        } catch (InvalidTenantConfigException e) {
            throw TenantProblems.invalid(e);
        } catch (TenantExistsException e) {
            throw TenantProblems.exists(e);
        }
    }

    @GET
    @Path("{slug}")
    public TenantView get(@PathParam("slug") String slug, @Context HttpServletRequest request) {
        return catalog.one(slug, request);
    }

    @POST
    @Path("{slug}/suspend")
    public TenantView suspend(@PathParam("slug") String slug, @Context HttpServletRequest request) {
        return setActive(slug, false, request);
    }

    @POST
    @Path("{slug}/resume")
    public TenantView resume(@PathParam("slug") String slug, @Context HttpServletRequest request) {
        return setActive(slug, true, request);
    }

    private TenantView setActive(String slug, boolean active, HttpServletRequest request) {
        try {
            return catalog.view(provisioning.setActive(slug, active), request);
        } catch (TenantNotFoundException e) {
            throw ProblemException.notFound("There is no tenant \"" + slug + "\".");
        }
    }

    private Response created(Tenant tenant, HttpServletRequest request) {
        return Response.created(URI.create("/api/v1/operator/tenants/" + tenant.slug()))
                .entity(catalog.view(tenant, request)).build();
    }
}
