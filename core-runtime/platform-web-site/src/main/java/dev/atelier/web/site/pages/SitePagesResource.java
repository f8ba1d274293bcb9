package dev.atelier.web.site.pages;

import dev.atelier.web.pages.PageRenderer;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @GET
    @Path("legal/privacy")
    public Response privacy(@Context HttpServletRequest request) {
        return legal(request, "privacy", "Privacy policy");
    }

    @GET
    @Path("legal/terms")
    public Response terms(@Context HttpServletRequest request) {
        return legal(request, "terms", "Terms of service");
    }

    private Response legal(HttpServletRequest request, String kind, String title) {
        Tenant tenant = RequestTenant.required(request);
        Map<String, Object> model = pages.model(request, tenant, "/legal/" + kind, title);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", kind);
        document.put("title", title);
        model.put("document", document);
        return pages.signedIn(request) ? pages.renderPrivate(tenant, "legal.ftlh", model, 200)
                : pages.render(tenant, "legal.ftlh", model, 200);
    }
}
