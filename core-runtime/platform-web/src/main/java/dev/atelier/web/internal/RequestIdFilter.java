package dev.atelier.web.internal;

import dev.atelier.plugins.Correlation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and put in the logging context, so a user's error report
 * can be matched to a log line; plugin calls made for the request carry it as their {@link Correlation} id.
 */
@Provider
@PreMatching
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-Request-Id";
    private static final String CORRELATION = Correlation.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        String id = "req_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        request.setProperty(HEADER, id);
        MDC.put("request_id", id);
        request.setProperty(CORRELATION, Correlation.begin(id));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("request_id");
        if (request.getProperty(CORRELATION) instanceof Correlation.Scope scope) {
            scope.close();
        }
    }
}
