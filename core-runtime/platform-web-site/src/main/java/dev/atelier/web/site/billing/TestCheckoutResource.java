package dev.atelier.web.site.billing;

import dev.atelier.billing.payments.CheckoutRecord;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.Viewer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkout page of a test-mode payment provider (the sandbox), served by the platform and plainly marked as a
 * test: {@code GET /billing/sandbox/checkout/{id}} shows what is bought with "Pay" and "Decline" buttons
 * ({@code <button name="outcome" value="pay">} / {@code value="decline"}), and the form's answer goes through the same
 * webhook intake as a real provider's. Only the checkout's own buyer sees it; anything else is 404.
 */
@Path("/billing/sandbox/checkout/{id}")
@Produces("text/html; charset=utf-8")
public final class TestCheckoutResource {

    private static final Logger LOG = LoggerFactory.getLogger(TestCheckoutResource.class);

    private final BillingPages billing;

    @Inject
    public TestCheckoutResource(BillingPages billing) {
        this.billing = billing;
    }

    @GET
    public Response page(@PathParam("id") String id, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> find(request, viewer, id).map(checkout -> {
            if (checkout.status() != CheckoutRecord.Status.OPEN) {
                return AuthPages.redirect("/account/billing?checkout=" + checkout.id());
            }
            Tenant tenant = AuthPages.tenant(request);
            Map<String, Object> data = billing.pages().model(request, tenant, "/billing/sandbox/checkout",
                    "Test checkout");
            data.put("checkout", BillingViews.testCheckout(checkout));
            return billing.pages().renderPrivate(tenant, "sandbox-checkout.ftlh", data, 200);
        }).orElseGet(() -> notFound(request)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @FormParam("outcome") String outcome,
            @FormParam(CsrfTokens.FIELD) String csrf, @Context HttpServletRequest request) {
        if (!billing.flows().csrf().valid(request, csrf)) {
            return billing.flows().pages().formExpired(request);
        }
        if (!"pay".equals(outcome) && !"decline".equals(outcome)) {
            return billing.flows().pages().error(request, 400, "Choose pay or decline",
                    "Use one of the two buttons on the test checkout page.");
        }
        return AuthPages.signedIn(request, viewer -> find(request, viewer, id).map(checkout -> {
            try {
                billing.payments().answerTestCheckout(AuthPages.tenant(request), viewer.account().id(),
                        viewer.account().email(), checkout.id(), "pay".equals(outcome));
            } catch (PaymentsUnavailableException | InvalidWebhookException e) {
                LOG.warn("Test checkout {} could not be answered: {}", checkout.id(), e.getMessage());
                return billing.flows().pages().error(request, 503, "Purchases are unavailable",
                        "The test payment could not be completed. Please try again in a moment.");
            }
            return AuthPages.redirect("/account/billing?checkout=" + checkout.id());
        }).orElseGet(() -> notFound(request)));
    }

    private Optional<CheckoutRecord> find(HttpServletRequest request, Viewer viewer, String id) {
        Tenant tenant = AuthPages.tenant(request);
        if (!billing.payments().testMode(tenant)) {
            return Optional.empty();
        }
        return billing.payments().checkout(tenant, viewer.account().id(), id);
    }

    private Response notFound(HttpServletRequest request) {
        return billing.flows().pages().error(request, 404, "There is no such checkout",
                "This checkout does not exist or is not yours. Start again from the pricing page.");
    }
}
