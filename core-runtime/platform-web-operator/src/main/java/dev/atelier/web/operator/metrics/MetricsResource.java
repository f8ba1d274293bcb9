package dev.atelier.web.operator.metrics;

import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.operator.ConsoleError;
import dev.atelier.web.operator.OperatorPages;
import dev.atelier.web.tenant.Hosts;
import dev.atelier.web.tenant.SiteSetup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics} on the operator host only, for Prometheus: the operator token as {@code Bearer} (or the
 * console's cookie). Tenant hosts answer their 404 page, so a tenant's domain never exposes it.
 */
@Path("/metrics")
public final class MetricsResource {

    /** The Prometheus text exposition format. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final AtelierMetrics metrics;
    private final SiteSetup setup;
    private final OperatorPages pages;

    @Inject
    public MetricsResource(AtelierMetrics metrics, SiteSetup setup, OperatorPages pages) {
        this.metrics = metrics;
        this.setup = setup;
        this.pages = pages;
    }

    @GET
    public Response scrape(@Context HttpServletRequest request, @Context HttpHeaders headers) {
        if (!Hosts.normalize(headers.getHeaderString(HttpHeaders.HOST)).equals(setup.operatorHost())) {
            throw new NotFoundException();
        }
        if (RequestAuth.operatorAuthentication(request) == null) {
            Response refused = pages.render("error.ftlh", new ConsoleError("Operator token needed",
                    "Metrics need an operator token: Authorization: Bearer atlop_... (create one with"
                            + " bin/atelier operators tokens create <name>)."), 401, "no-store");
            refused.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return refused;
        }
        return Response.ok(metrics.scrape(), TEXT_FORMAT).header("Cache-Control", "no-store").build();
    }
}
