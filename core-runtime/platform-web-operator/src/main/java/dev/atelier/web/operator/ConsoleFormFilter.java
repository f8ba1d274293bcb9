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
 * Enforces {@link ConsoleForm}: someone not signed in to the console goes to its sign-in page, and a form sent from
 * another origin is refused (403) as the sign-in form refuses it. Runs before Jersey reads the form, so a refused post
 * is never read.
 */
@Provider
@ConsoleForm
@Priority(Priorities.AUTHORIZATION)
public final class ConsoleFormFilter implements ContainerRequestFilter {

    private final OperatorPages pages;

    @Context
    private HttpServletRequest request;

    @Inject
    public ConsoleFormFilter(OperatorPages pages) {
        this.pages = pages;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!RequestAuth.isOperator(request)) {
            context.abortWith(Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store")
                    .build());
        } else if (!Origins.sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            context.abortWith(pages.render("signin.ftlh",
                    new SignInPage("This form must be sent from the operator console itself."), 403, "no-store"));
        }
    }
}
