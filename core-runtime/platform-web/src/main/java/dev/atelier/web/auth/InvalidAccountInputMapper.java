package dev.atelier.web.auth;

import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import dev.atelier.web.problem.Problems;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.pages.SiteOrProblemMapper;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A value the account code refused and no form caught first (a request built by hand, not by our pages): 422, with
 * the account code's sentence, as a problem under /api and as the site's error page elsewhere.
 */
@Provider
public final class InvalidAccountInputMapper extends SiteOrProblemMapper<InvalidAccountInputException> {

    @Inject
    public InvalidAccountInputMapper(PageRenderer pages) {
        super(pages);
    }

    @Override
    protected Response page(InvalidAccountInputException exception, HttpServletRequest request, Tenant tenant,
            String path) {
        return pages().error(request, tenant, 422, "Please check what you entered", exception.getMessage());
    }

    @Override
    protected Response problem(InvalidAccountInputException exception) {
        return Problems.response(ProblemException.invalid(exception.getMessage(),
                List.of(new Problem.FieldError(exception.field(), exception.getMessage()))).problem());
    }
}
