package dev.atelier.web.operator;

import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Enforces {@link OperatorOnly}. The console cookie is accepted for reading only (the console shows previews and
 * lists); changes need the token in the {@code Authorization} header, which another site cannot make a browser send.
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHORIZATION)
public final class OperatorOnlyFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String how = RequestAuth.operatorAuthentication(request);
        if (how == null) {
            Response response = Problems.response(401, "Unauthorized", "The operator API needs an operator token:"
                    + " Authorization: Bearer atlop_... (create one with: bin/atelier operators tokens create <name>).");
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            context.abortWith(response);
        } else if (!"bearer".equals(how) && !SAFE_METHODS.contains(context.getMethod())) {
            context.abortWith(Problems.response(403, "Forbidden",
                    "Changes through the operator API need the token in the Authorization header."));
        }
    }
}
