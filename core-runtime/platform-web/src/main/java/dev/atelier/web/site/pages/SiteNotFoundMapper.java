package dev.atelier.web.site.pages;

import dev.atelier.web.http.RoutePath;
import dev.atelier.web.problem.WebApplicationExceptionMapper;
import dev.atelier.web.site.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown addresses on a tenant's site get the theme's 404 page; the JSON API keeps its problem documents. */
@Provider
public final class SiteNotFoundMapper implements ExceptionMapper<NotFoundException> {

    private final PageRenderer pages;
    private final WebApplicationExceptionMapper problems = new WebApplicationExceptionMapper();

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @Inject
    public SiteNotFoundMapper(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(NotFoundException exception) {
        String path = RoutePath.of(uri);
        return RequestTenant.of(request)
                .filter(tenant -> !RoutePath.isApi(path))
                .map(tenant -> pages.error(tenant, path, 404, "Page not found", "There is nothing at this address."))
                .orElseGet(() -> problems.toResponse(exception));
    }
}
