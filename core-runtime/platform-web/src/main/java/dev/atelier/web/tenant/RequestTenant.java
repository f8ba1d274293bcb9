package dev.atelier.web.tenant;

import dev.atelier.core.tenants.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;

/** The tenant {@link TenantResolutionFilter} chose for a request, kept as a request attribute. */
public final class RequestTenant {

    static final String ATTRIBUTE = "atelier.tenant";

    private RequestTenant() {}

    /**
     * Records the request's tenant, for a filter in front of Jersey that answers a request by itself; it must have
     * chosen the tenant as {@link TenantResolutionFilter} does, by the {@code Host} header.
     */
    public static void set(HttpServletRequest request, Tenant tenant) {
        request.setAttribute(ATTRIBUTE, tenant);
    }

    public static Optional<Tenant> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Tenant tenant ? Optional.of(tenant) : Optional.empty();
    }

    /**
     * The request's tenant, for resources only a tenant's site serves.
     *
     * @throws NotFoundException when there is none: only the operator host gets here without one, and it has no
     *     such pages
     */
    public static Tenant required(HttpServletRequest request) {
        return of(request).orElseThrow(NotFoundException::new);
    }
}
