package dev.atelier.web.operator.metrics;

import dev.atelier.web.http.RoutePath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request Jersey answers, refused ones included:
 * {@code atelier_http_requests_seconds{kind,status}}, where {@code kind} is the route's kind ({@code api},
 * {@code operator}, {@code site}, {@code static}, {@code health}, {@code hooks}, {@code metrics}) and {@code status}
 * its class ({@code 2xx}...). Paths are not tags, so a scan of random addresses cannot grow the registry.
 */
@Provider
@PreMatching
@Priority(1)
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "atelier.metrics.started";

    private final MeterRegistry registry;
    /** The few timers there are (kinds × status classes), kept: building a meter's id on every request costs more. */
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    public HttpMetricsFilter(AtelierMetrics metrics) {
        this.registry = metrics.registry();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String kind = kind(RoutePath.of(request.getUriInfo()));
        String status = response.getStatus() / 100 + "xx";
        timers.computeIfAbsent(kind + ' ' + status, key -> Timer.builder("atelier.http.requests")
                        .description("HTTP requests answered").tags("kind", kind, "status", status).register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    static String kind(String path) {
        if (path.startsWith("/api/")) {
            return "api";
        } else if (path.equals("/operator") || path.startsWith("/operator/")) {
            return "operator";
        } else if (path.startsWith("/static/") || path.startsWith("/brand/")) {
            return "static";
        } else if (path.equals("/healthz") || path.equals("/readyz")) {
            return "health";
        } else if (path.startsWith("/hooks/")) {
            return "hooks";
        } else if (path.equals("/metrics")) {
            return "metrics";
        }
        return "site";
    }
}
