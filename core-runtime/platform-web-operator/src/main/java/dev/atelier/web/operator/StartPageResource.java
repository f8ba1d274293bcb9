package dev.atelier.web.operator;

import dev.atelier.plugins.PluginHost;
import dev.atelier.web.auth.RequestAuth;
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
 * The operator host's start page (its {@code /} is routed here): says the platform runs, shows each deployed model
 * with a live preview and the deployed bundles by plugin kind ({@code operator/start.ftlh}). Operators only (see
 * {@link OperatorConsoleResource}); tenant hosts answer 404 here.
 */
@Path("/operator")
public final class StartPageResource {

    private final PluginHost host;
    private final OperatorPages pages;

    @Inject
    public StartPageResource(PluginHost host, OperatorPages pages) {
        this.host = host;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@Context HttpServletRequest request) {
        if (!RequestAuth.isOperator(request)) {
            return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store").build();
        }
        return pages.render("start.ftlh", StartPageModel.of(host), 200, "private, no-store");
    }
}
