package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.billing.payments.Payments;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test mode's renewals in the admin area: {@code POST /admin/payments/subscriptions/{id}/renew} (buttons of the
 * subscriptions list on {@code /admin/payments}) moves one of the tenant's subscriptions to its next period, as the
 * simulated vendor would: paid ({@code outcome=pay}), not collected ({@code outcome=fail}), or ended when it was
 * canceled at its period's end. Tenant admins only; another tenant's subscription, or a tenant whose provider is not
 * simulated, is 404.
 */
@Path("/admin/payments/subscriptions")
@Produces("text/html; charset=utf-8")
public final class AdminSubscriptionsResource {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSubscriptionsResource.class);

    private final AdminPages admin;
    private final Payments payments;
    private final AdminAuditTrail trail;

    @Inject
    public AdminSubscriptionsResource(AdminPages admin, Payments payments, AdminAuditTrail trail) {
        this.admin = admin;
        this.trail = trail;
        this.payments = payments;
    }

    @POST
    @Path("{id}/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("id") String subscriptionId, @FormParam("outcome") String outcome,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        Response refused = admin.refuseForm(request, token);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        try {
            if (!payments.testMode(tenant) || payments.subscriptions().renewTest(tenant, subscriptionId,
                    !"fail".equals(outcome)).isEmpty()) {
                return admin.error(request, tenant, 404, "No such subscription",
                        "This subscription does not exist here, has ended, or this site's payments are not in test"
                                + " mode.");
            }
        } catch (PaymentsUnavailableException | InvalidWebhookException e) {
            LOG.warn("Test renewal of subscription {} of tenant {} could not be made: {}", subscriptionId,
                    tenant.slug(), e.getMessage());
            return admin.error(request, tenant, 503, "Renewal unavailable",
                    "The test renewal could not be made. Please try again in a moment.");
        }
        LOG.info("Test renewal of subscription {} of tenant {} ({})", subscriptionId, tenant.slug(), outcome);
        trail.record(request, tenant, AuditActions.SUBSCRIPTION_CHANGE, subscriptionId,
                Map.of("test_renewal", "fail".equals(outcome) ? "fails" : "paid"));
        return AuthPages.redirect("/admin/payments#subscriptions");
    }
}
