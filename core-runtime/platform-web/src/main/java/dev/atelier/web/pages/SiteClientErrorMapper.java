package dev.atelier.web.pages;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.http.ErrorTexts;
import dev.atelier.web.problem.WebApplicationExceptionMapper;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Client errors Jersey raises on a tenant's site (unknown address, wrong method, a form it cannot decode) get the
 * theme's error page; the JSON API keeps its problem documents.
 */
@Provider
public final class SiteClientErrorMapper extends SiteOrProblemMapper<ClientErrorException> {

    private final WebApplicationExceptionMapper problems = new WebApplicationExceptionMapper();

    @Inject
    public SiteClientErrorMapper(PageRenderer pages) {
        super(pages);
    }

    @Override
    protected Response page(ClientErrorException exception, HttpServletRequest request, Tenant tenant, String path) {
        int status = exception.getResponse().getStatus();
        // A missing page speaks in the tenant's own words; other statuses keep the platform's plain ones.
        ErrorTexts texts = status == 404 ? new ErrorTexts(pages().message(tenant, "error.404.title"),
                pages().message(tenant, "error.404.unknown_path")) : ErrorTexts.of(status);
        // With the visitor's own header: a signed-in person is not offered "Sign in" on a page that is not there.
        return withAllow(pages().error(request, tenant, status, texts.title(), texts.detail()), exception);
    }

    @Override
    protected Response problem(ClientErrorException exception) {
        return problems.toResponse(exception);
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
