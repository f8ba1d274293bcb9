package dev.atelier.web.site.pages;

import dev.atelier.web.site.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code /create} and {@code /gallery} as static theme pages, for an application assembled without generation (theme
 * and site tests). The platform registers the generation pages instead.
 */
@Path("/")
@Produces("text/html; charset=utf-8")
public final class StaticCreationPagesResource {

    private final PageRenderer pages;

    @Inject
    public StaticCreationPagesResource(PageRenderer pages) {
        this.pages = pages;
    }

    @GET
    @Path("create")
    public Response create(@Context HttpServletRequest request) {
        return pages.page(request, RequestTenant.required(request), "create.ftlh", "/create", "Create");
    }

    @GET
    @Path("gallery")
    public Response gallery(@Context HttpServletRequest request) {
        return pages.page(request, RequestTenant.required(request), "gallery.ftlh", "/gallery", "Gallery");
    }

    @GET
    @Path("gallery/{id}")
    public Response galleryItem(@PathParam("id") String id, @Context HttpServletRequest request) {
        return pages.error(request, RequestTenant.required(request), 404, "Not found",
                "There is no creation at this address.");
    }
}
