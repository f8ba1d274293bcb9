package dev.atelier.web.site.pages;

import dev.atelier.web.site.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code /account/billing}. A root resource of its own: JAX-RS picks the root resource by its longest literal path
 * first, so under {@code /} it would be shadowed by the account pages at {@code /account}.
 */
@Path("/account/billing")
@Produces("text/html; charset=utf-8")
public final class BillingPageResource {

    private final PageRenderer pages;

    @Inject
    public BillingPageResource(PageRenderer pages) {
        this.pages = pages;
    }

    @GET
    public Response billing(@Context HttpServletRequest request) {
        return pages.page(request, RequestTenant.of(request).orElseThrow(NotFoundException::new), "billing.ftlh",
                "/account/billing", "Billing");
    }
}
