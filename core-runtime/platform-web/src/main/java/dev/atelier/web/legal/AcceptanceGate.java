package dev.atelier.web.legal;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.web.auth.Links;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.http.RoutePath;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Stops a signed-in user from generating or buying ({@link RequiresAcceptance}) until they accepted the versions their
 * tenant published in "require" mode: pages are sent to {@code /legal/accept} (which sends them back afterwards), the
 * JSON API answers 403 with an {@link AcceptanceRequired} problem. Runs after authentication and before the body is
 * read; visitors pass, since the resource sends them to sign in.
 */
@RequiresAcceptance
@Priority(Priorities.AUTHORIZATION)
public final class AcceptanceGate implements ContainerRequestFilter {

    /** The accept page's path. */
    public static final String ACCEPT_PATH = "/legal/accept";

    @Context
    private HttpServletRequest request;

    @Context
    private ResourceInfo resource;

    @Inject
    private LegalStandings standings;

    @Inject
    private Links links;

    @Override
    public void filter(ContainerRequestContext context) {
        Viewer viewer = RequestAuth.viewer(request).orElse(null);
        if (viewer == null) {
            return;
        }
        Tenant tenant = RequestTenant.required(request);
        List<LegalVersionInfo> pending = standings.mustAccept(tenant.id(), viewer.account().id());
        if (pending.isEmpty()) {
            return;
        }
        String path = RoutePath.of(context.getUriInfo());
        context.abortWith(RoutePath.isApi(path) ? refusal(tenant, pending) : toAcceptPage(returnTo(context, path)));
    }

    private static Response toAcceptPage(String next) {
        return Response.seeOther(URI.create(ACCEPT_PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    private String returnTo(ContainerRequestContext context, String path) {
        if ("GET".equals(context.getMethod())) {
            String query = context.getUriInfo().getRequestUri().getRawQuery();
            return query == null ? path : path + "?" + query;
        }
        RequiresAcceptance gate = resource.getResourceMethod().getAnnotation(RequiresAcceptance.class);
        return gate == null || gate.returnTo().isEmpty() ? path : gate.returnTo();
    }

    private Response refusal(Tenant tenant, List<LegalVersionInfo> pending) {
        List<AcceptanceRequired.Document> documents = pending.stream().map(v -> new AcceptanceRequired.Document(
                v.document(), v.number(), v.effectiveDate(),
                links.forMail(tenant, request, "/legal/" + v.document() + "/v/" + v.number()))).toList();
        String names = String.join(" and ", pending.stream().map(v -> DocumentTitles.of(v.document())).toList());
        AcceptanceRequired problem = new AcceptanceRequired("about:blank", "Acceptance required", 403,
                tenant.displayName() + " has updated its " + names.toLowerCase(Locale.ROOT)
                        + ". Accept them at accept_url in a browser, then try again.",
                links.forMail(tenant, request, ACCEPT_PATH), documents);
        return Response.status(403).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                .header("Link", "<" + problem.acceptUrl() + ">; rel=\"terms-of-service\"").entity(problem).build();
    }
}
