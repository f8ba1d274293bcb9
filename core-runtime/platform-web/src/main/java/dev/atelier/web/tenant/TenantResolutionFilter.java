package dev.atelier.web.tenant;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.http.RoutePath;
import dev.atelier.web.problem.Problems;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.pages.PlainPages;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Chooses the request's tenant from the {@code Host} header, before routing. Health, the API's OpenAPI document, the
 * model list and vendors' webhooks ({@code /hooks/}) answer on every host, the operator API on every host but tenants'; the operator host
 * serves the console, with {@code /} as its start page, and the default theme's files it links ({@code /static/});
 * anything else needs a tenant's host: unknown hosts get a 404 page naming no tenant, suspended tenants a 503 page in
 * their branding (problem+json under {@code /api}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public final class TenantResolutionFilter implements ContainerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "3600";

    // Describes the API, the same for every host: clients read it before they know which site they talk to.
    private static final String OPENAPI_DOCUMENT = "/api/v1/openapi.json";

    private final SiteSetup setup;
    private final PageRenderer pages;

    @Inject
    public TenantResolutionFilter(SiteSetup setup, PageRenderer pages) {
        this.setup = setup;
        this.pages = pages;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String path = RoutePath.of(context.getUriInfo());
        if (isHostIndependent(path)) {
            return;
        }
        String host = Hosts.normalize(context.getHeaderString("Host"));
        if (host.equals(setup.operatorHost())) {
            if (path.equals("/")) {
                URI base = context.getUriInfo().getBaseUri();
                context.setRequestUri(base, base.resolve("operator"));
            }
            return;
        }
        Optional<Tenant> found = host.isEmpty() ? Optional.empty() : setup.tenants().byHost(host);
        if (path.startsWith("/api/v1/operator/")) {
            // The operator API answers on the operator host and on hosts that are nobody's site (localhost for
            // scripts on the machine), never on a tenant's own domain.
            if (found.isPresent()) {
                context.abortWith(Problems.response(404, "Not Found", "There is nothing at this address."));
            }
            return;
        }
        if (found.isEmpty()) {
            if (isModelList(path)) {
                // On nobody's site (localhost, for scripts on the machine) the list is of every deployed model.
                return;
            }
            context.abortWith(RoutePath.isApi(path)
                    ? Problems.response(404, "Not Found", "There is nothing at this address.")
                    : PlainPages.unknownHost());
            return;
        }
        Tenant tenant = found.get();
        context.setProperty(RequestTenant.ATTRIBUTE, tenant);
        if (path.equals("/operator") || path.startsWith("/operator/")) {
            context.abortWith(pages.error(tenant, path, 404, "Page not found", "There is nothing at this address."));
        } else if (!tenant.isActive() && !isStaticFile(path)) {
            String detail = tenant.displayName() + " is temporarily unavailable. Please come back later.";
            Response refused = RoutePath.isApi(path)
                    ? Problems.response(503, "Service Unavailable", detail)
                    : pages.error(tenant, path, 503, "Temporarily unavailable", detail);
            refused.getHeaders().putSingle("Retry-After", RETRY_AFTER_SECONDS);
            context.abortWith(refused);
        }
    }

    private static boolean isHostIndependent(String path) {
        return path.equals("/healthz") || path.equals("/readyz") || path.equals(OPENAPI_DOCUMENT)
                || path.startsWith("/hooks/");
    }

    // On a tenant's site the models are that tenant's offers, so the tenant is resolved as for any other route.
    private static boolean isModelList(String path) {
        return path.equals("/api/v1/models") || path.startsWith("/api/v1/models/");
    }

    // The 503 page of a suspended tenant still loads its stylesheet and logo.
    private static boolean isStaticFile(String path) {
        return path.startsWith("/static/") || path.startsWith("/brand/");
    }
}
