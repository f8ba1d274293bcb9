package dev.atelier.web.site.pages;

import dev.atelier.web.pages.PageRenderer;

import dev.atelier.web.tenant.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code /account/billing}. A root resource of its own: under {@link SitePagesResource} ({@code /}) it would never be
 * reached, because requests below {@code /account} are matched to the account resource, which has no billing page.
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
        return pages.page(request, RequestTenant.required(request), "billing.ftlh", "/account/billing", "Billing");
    }
}
