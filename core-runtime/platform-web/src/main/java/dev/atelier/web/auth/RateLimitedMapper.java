package dev.atelier.web.auth;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.pages.SiteOrProblemMapper;
import dev.atelier.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Too many attempts of a limited action that no resource answered itself (checkout, for example): 429 with
 * {@code Retry-After}, as a problem under /api and as the site's "too many attempts" page elsewhere.
 */
@Provider
public final class RateLimitedMapper extends SiteOrProblemMapper<RateLimitedException> {

    @Inject
    public RateLimitedMapper(PageRenderer pages) {
        super(pages);
    }

    @Override
    protected Response page(RateLimitedException exception, HttpServletRequest request, Tenant tenant, String path) {
        return new AuthPages(pages()).rateLimited(request, exception);
    }

    @Override
    protected Response problem(RateLimitedException exception) {
        long seconds = exception.retryAfterSeconds();
        Response limited = Problems.response(429, "Too Many Requests",
                "Too many attempts. Try again in " + seconds + " seconds.");
        limited.getHeaders().putSingle("Retry-After", Long.toString(seconds));
        return limited;
    }
}
