package dev.atelier.web.site.pages;

import dev.atelier.web.http.ErrorTexts;
import dev.atelier.web.http.RoutePath;
import dev.atelier.web.problem.WebApplicationExceptionMapper;
import dev.atelier.web.site.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Client errors Jersey raises on a tenant's site (unknown address, wrong method, a form it cannot decode) get the
 * theme's error page; the JSON API keeps its problem documents.
 */
@Provider
public final class SiteClientErrorMapper implements ExceptionMapper<ClientErrorException> {

    private final PageRenderer pages;
    private final WebApplicationExceptionMapper problems = new WebApplicationExceptionMapper();

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @Inject
    public SiteClientErrorMapper(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(ClientErrorException exception) {
        String path = RoutePath.of(uri);
        int status = exception.getResponse().getStatus();
        ErrorTexts texts = status == 404 ? new ErrorTexts("Page not found", "There is nothing at this address.")
                : ErrorTexts.of(status);
        return RequestTenant.of(request)
                .filter(tenant -> !RoutePath.isApi(path))
                .map(tenant -> withAllow(pages.error(tenant, path, status, texts.title(), texts.detail()), exception))
                .orElseGet(() -> problems.toResponse(exception));
    }

    // A 405 still says which methods the address takes.
    private static Response withAllow(Response page, ClientErrorException exception) {
        String allow = exception.getResponse().getHeaderString("Allow");
        if (allow != null) {
            page.getHeaders().putSingle("Allow", allow);
        }
        return page;
    }
}
