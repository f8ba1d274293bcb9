package dev.atelier.web.pages;

import dev.atelier.core.db.DatabaseOutage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.http.ErrorTexts;
import dev.atelier.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Failures no other mapper claims: a database that does not answer is "temporarily unavailable" (503 with
 * {@code Retry-After}, the request may simply be repeated), anything else a bug on our side (500, logged with its
 * request id). Both as the theme's page on a tenant's site and as a problem document under {@code /api}.
 */
@Provider
public final class ServerErrorMapper extends SiteOrProblemMapper<RuntimeException> {

    /** Seconds a client is asked to wait: the embedded database is back within a few. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorMapper.class);
    private static final String UNAVAILABLE_TITLE = "Temporarily unavailable";
    private static final String UNAVAILABLE_DETAIL = "The service cannot reach its database just now. Please try again"
            + " in a few seconds.";

    @Inject
    public ServerErrorMapper(PageRenderer pages) {
        super(pages);
    }

    @Override
    protected Response page(RuntimeException exception, HttpServletRequest request, Tenant tenant, String path) {
        if (unavailable(exception)) {
            try {
                return retryLater(pages().error(tenant, path, 503, UNAVAILABLE_TITLE, UNAVAILABLE_DETAIL));
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e)) {
                    throw e;
                }
                return PlainPages.unavailable();
            }
        }
        ErrorTexts texts = ErrorTexts.of(500);
        return pages().error(tenant, path, 500, texts.title(), texts.detail() + " If it keeps happening, quote"
                + " request id " + MDC.get("request_id") + ".");
    }

    @Override
    protected Response problem(RuntimeException exception) {
        if (unavailable(exception)) {
            return retryLater(Problems.response(503, UNAVAILABLE_TITLE, UNAVAILABLE_DETAIL));
        }
        return Problems.response(500, "Internal server error",
                "Something went wrong on our side. If it keeps happening, quote request id "
                        + MDC.get("request_id") + ".");
    }

    // Logged once per request, here, so each answer has its line with the request id.
    private static boolean unavailable(RuntimeException exception) {
        String requestId = MDC.get("request_id");
        if (DatabaseOutage.isCause(exception)) {
            LOG.warn("Request {} answered 503: the database is unavailable ({})", requestId, exception.toString());
            return true;
        }
        LOG.error("Unhandled error in request {}", requestId, exception);
        return false;
    }

    private static Response retryLater(Response response) {
        response.getHeaders().putSingle("Retry-After", RETRY_AFTER_SECONDS);
        return response;
    }
}
