package dev.atelier.web.operator.health;

import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.health.ReadinessChecks;
import dev.atelier.web.operator.OperatorPages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The console's health page ({@code operator/health.ftlh}): this node's readiness checks and the cluster's figures,
 * read afresh on each view.
 */
@Path("/operator/health")
public final class HealthPageResource {

    private final ReadinessChecks readiness;
    private final HealthFigures figures;
    private final NodeWorkers node;
    private final OperatorPages pages;

    @Inject
    public HealthPageResource(ReadinessChecks readiness, HealthFigures figures, NodeWorkers node,
            OperatorPages pages) {
        this.readiness = readiness;
        this.figures = figures;
        this.node = node;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@Context HttpServletRequest request) {
        if (!RequestAuth.isOperator(request)) {
            return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store").build();
        }
        return pages.render("health.ftlh", HealthPage.of(readiness.run(), node, figures), 200, "private, no-store");
    }
}
