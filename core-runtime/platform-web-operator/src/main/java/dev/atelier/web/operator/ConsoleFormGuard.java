package dev.atelier.web.operator;

import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.http.Origins;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Enforces {@link ConsoleForm} before anything reads the body: a post without the operator's cookie goes to the
 * sign-in page, one from another origin is refused with 403. The cookie is {@code SameSite=Strict} and the
 * {@code Origin} must be the operator host's own, which is what protects the console's forms from other sites (as for
 * its sign-in form).
 */
@Provider
@ConsoleForm
@Priority(Priorities.AUTHORIZATION)
public final class ConsoleFormGuard implements ContainerRequestFilter {

    @Context
    private HttpServletRequest request;

    private final OperatorPages pages;

    @Inject
    public ConsoleFormGuard(OperatorPages pages) {
        this.pages = pages;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!RequestAuth.isOperator(request)) {
            context.abortWith(Response.seeOther(URI.create("/operator/signin"))
                    .header("Cache-Control", "no-store").build());
        } else if (!Origins.sameOrigin(context.getHeaderString("Origin"), context.getHeaderString("Host"))) {
            context.abortWith(pages.render("error.ftlh", new ConsoleError("Not sent from the console",
                    "This form must be sent from the operator console itself."), 403, "no-store"));
        }
    }
}
