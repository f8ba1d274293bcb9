package dev.atelier.web.site.pages;

import dev.atelier.web.pages.PageRenderer;

import dev.atelier.web.tenant.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** The public pages of a tenant's site, each rendered from the theme template of the same name. */
@Path("/")
@Produces("text/html; charset=utf-8")
public final class SitePagesResource {

    private final PageRenderer pages;

    @Inject
    public SitePagesResource(PageRenderer pages) {
        this.pages = pages;
    }

    @GET
    public Response index(@Context HttpServletRequest request) {
        return pages.page(request, RequestTenant.required(request), "index.ftlh", "/", null);
    }

    @GET
    @Path("pricing")
    public Response pricing(@Context HttpServletRequest request) {
        return pages.page(request, RequestTenant.required(request), "pricing.ftlh", "/pricing", "Pricing");
    }
}
