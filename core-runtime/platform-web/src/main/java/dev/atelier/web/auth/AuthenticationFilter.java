package dev.atelier.web.auth;

import dev.atelier.accounts.SignedInUsers.SignedInUser;
import dev.atelier.accounts.operators.OperatorTokens;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.http.RoutePath;
import dev.atelier.web.problem.Problems;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;

/**
 * Finds who a request comes from, after its tenant was chosen: on a tenant host the session cookie or a personal API
 * token ({@code Authorization: Bearer atl_...}) of that tenant; elsewhere an operator token. A JSON request that
 * changes something on the strength of the session cookie must also carry the CSRF token header; one with a bearer
 * token need not, since browsers never add that header on their own.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CLEAR_SESSION = "atelier.clear-session";

    private final AccountServices services;
    private final CsrfTokens csrf;

    @Context
    private HttpServletRequest request;

    @Inject
    public AuthenticationFilter(AccountServices services, CsrfTokens csrf) {
        this.services = services;
        this.csrf = csrf;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String bearer = bearer(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Tenant> tenant = RequestTenant.of(request);
        if (tenant.isEmpty()) {
            operator(context, bearer);
            return;
        }
        if (bearer != null) {
            apiToken(context, tenant.get(), bearer);
            return;
        }
        Optional<String> cookie = Cookies.value(request, Cookies.SESSION);
        if (cookie.isEmpty()) {
            return;
        }
        Optional<Viewer> viewer = session(tenant.get(), cookie.get());
        if (viewer.isEmpty()) {
            context.setProperty(CLEAR_SESSION, Boolean.TRUE);
            return;
        }
        RequestAuth.setViewer(request, viewer.get());
        if (isApi(context) && !SAFE_METHODS.contains(context.getMethod())
                && !csrf.valid(request, context.getHeaderString(CsrfTokens.HEADER))) {
            context.abortWith(Problems.response(403, "Forbidden", "This request needs the " + CsrfTokens.HEADER
                    + " header with the CSRF token of your session (GET /api/v1/account returns it), or an API"
                    + " token in the Authorization header instead of the session cookie."));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // A cookie naming an ended session is dropped, so the cached pages for signed-out visitors apply again.
        if (Boolean.TRUE.equals(request.getProperty(CLEAR_SESSION))
                && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, services.cookies().expired(Cookies.SESSION));
        }
        CsrfTokens.newCookie(this.request).ifPresent(value -> response.getHeaders().add(HttpHeaders.SET_COOKIE,
                services.cookies().lax(Cookies.CSRF, value, java.time.Duration.ofDays(7))));
    }

    private Optional<Viewer> session(Tenant tenant, String cookie) {
        return services.signedInUsers().resolve(tenant.id(), cookie)
                .map(user -> new Viewer(user.account(), user.session(), cookie, user.admin()));
    }

    private void apiToken(ContainerRequestContext context, Tenant tenant, String token) {
        Optional<SignedInUser> user = services.signedInUsers().resolveToken(tenant.id(), token);
        if (user.isEmpty()) {
            context.abortWith(unauthorized("The API token is unknown, revoked, or belongs to another site."));
            return;
        }
        RequestAuth.setViewer(request, new Viewer(user.get().account(), null, null, user.get().admin()));
    }

    private void operator(ContainerRequestContext context, String bearer) {
        if (bearer != null) {
            if (!bearer.startsWith(OperatorTokens.PREFIX) || services.operatorTokens().authenticate(bearer).isEmpty()) {
                context.abortWith(unauthorized("The operator token is unknown or revoked."));
                return;
            }
            request.setAttribute(RequestAuth.OPERATOR, "bearer");
            return;
        }
        Optional<String> cookie = Cookies.value(request, Cookies.OPERATOR);
        if (cookie.isPresent() && services.operatorTokens().authenticate(cookie.get()).isPresent()) {
            request.setAttribute(RequestAuth.OPERATOR, "cookie");
        }
    }

    private static jakarta.ws.rs.core.Response unauthorized(String detail) {
        jakarta.ws.rs.core.Response response = Problems.response(401, "Unauthorized", detail);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response;
    }

    // Decided on the path routing uses, so that /api;x=1/... or //api/... cannot skip the check.
    private static boolean isApi(ContainerRequestContext context) {
        return RoutePath.isApi(RoutePath.of(context.getUriInfo()));
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() || token.length() > 200 ? null : token;
    }
}
