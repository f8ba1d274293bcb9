package dev.atelier.web.problem;

import dev.atelier.core.db.DatabaseOutage;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Last resort: log the bug with its request id and tell the caller something went wrong on our side; or, when the
 * database does not answer, that the service is temporarily unavailable.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String requestId = MDC.get("request_id");
        if (DatabaseOutage.isCause(exception)) {
            LOG.warn("Request {} answered 503: the database is unavailable ({})", requestId, exception.toString());
            Response response = Problems.response(503, "Temporarily unavailable",
                    "The service cannot reach its database just now. Please try again in a few seconds.");
            response.getHeaders().putSingle("Retry-After", "5");
            return response;
        }
        LOG.error("Unhandled error in request {}", requestId, exception);
        return Problems.response(500, "Internal server error",
                "Something went wrong on our side. If it keeps happening, quote request id " + requestId + ".");
    }
}
