package dev.atelier.web.auth;

import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.web.http.RoutePath;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import dev.atelier.web.problem.Problems;
import dev.atelier.web.site.RequestTenant;
import dev.atelier.web.site.pages.PageRenderer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A value the account code refused and no form caught first (a request built by hand, not by our pages): 422, with
 * the account code's sentence, as a problem under /api and as the site's error page elsewhere.
 */
@Provider
public final class InvalidAccountInputMapper implements ExceptionMapper<InvalidAccountInputException> {

    private final PageRenderer pages;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @Inject
    public InvalidAccountInputMapper(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(InvalidAccountInputException exception) {
        String path = RoutePath.of(uri);
        ProblemException problem = ProblemException.invalid(exception.getMessage(),
                List.of(new Problem.FieldError(exception.field(), exception.getMessage())));
        return RequestTenant.of(request)
                .filter(tenant -> !RoutePath.isApi(path))
                .map(tenant -> pages.error(request, tenant, 422, "Please check what you entered",
                        exception.getMessage()))
                .orElseGet(() -> Problems.response(problem.problem()));
    }
}
