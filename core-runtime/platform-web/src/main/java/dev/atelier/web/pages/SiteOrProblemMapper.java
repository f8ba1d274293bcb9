package dev.atelier.web.pages;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.http.RoutePath;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers an exception with the theme's error page on a tenant's site and with a problem document under {@code /api}
 * (and wherever no tenant was resolved): people see their site, scripts get JSON.
 *
 * @param <E> the exception mapped
 */
public abstract class SiteOrProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    private final PageRenderer pages;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    protected SiteOrProblemMapper(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public final Response toResponse(E exception) {
        String path = RoutePath.of(uri);
        return RequestTenant.of(request)
                .filter(tenant -> !RoutePath.isApi(path))
                .map(tenant -> page(exception, request, tenant, path))
                .orElseGet(() -> problem(exception));
    }

    /** The error page for {@code exception} on {@code tenant}'s site; {@code path} is the route the request took. */
    protected abstract Response page(E exception, HttpServletRequest request, Tenant tenant, String path);

    /** The problem document for {@code exception}. */
    protected abstract Response problem(E exception);

    /** Renders the tenant's error templates. */
    protected final PageRenderer pages() {
        return pages;
    }
}
