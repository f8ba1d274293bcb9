package dev.atelier.web.auth;

import dev.atelier.core.ratelimit.RateLimiterUnavailableException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.pages.SiteOrProblemMapper;
import dev.atelier.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A limited action that fails closed while its shared counter (Redis) is unreachable: 503 "temporarily unavailable"
 * with {@code Retry-After}, as a problem under /api and as the site's error page elsewhere. Nothing was done.
 */
@Provider
public final class RateLimiterUnavailableMapper extends SiteOrProblemMapper<RateLimiterUnavailableException> {

    static final String DETAIL = "This is temporarily unavailable. Please try again in a moment.";

    @Inject
    public RateLimiterUnavailableMapper(PageRenderer pages) {
        super(pages);
    }

    @Override
    protected Response page(RateLimiterUnavailableException exception, HttpServletRequest request, Tenant tenant,
            String path) {
        return withRetryAfter(pages().error(request, tenant, 503, "Temporarily unavailable", DETAIL));
    }

    @Override
    protected Response problem(RateLimiterUnavailableException exception) {
        return withRetryAfter(Problems.response(503, "Service Unavailable", DETAIL));
    }

    private static Response withRetryAfter(Response response) {
        response.getHeaders().putSingle("Retry-After",
                Long.toString(RateLimiterUnavailableException.RETRY_AFTER_SECONDS));
        return response;
    }
}
