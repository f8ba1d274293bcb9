package dev.atelier.web.site.billing;

import dev.atelier.billing.payments.CheckoutRecord;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.billing.payments.TenantOffers;
import dev.atelier.billing.payments.UnknownOfferException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.Offer;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Buying from the pricing page: {@code GET /billing/checkout?offer=} shows what is about to be bought (visitors are
 * sent to sign in or sign up first and come back here), and its form posts to {@code POST /billing/checkout}, which
 * opens the checkout at the tenant's payment provider and sends the browser there. The pricing page itself stays the
 * same for everyone (and cached): its buttons are plain links here.
 */
@Path("/billing/checkout")
@Produces("text/html; charset=utf-8")
public final class CheckoutPagesResource {

    private final BillingPages billing;

    @Inject
    public CheckoutPagesResource(BillingPages billing) {
        this.billing = billing;
    }

    @GET
    public Response confirm(@QueryParam("offer") String offerId, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            Optional<Offer> offer = TenantOffers.find(tenant, offerId == null ? "" : offerId);
            if (offer.isEmpty()) {
                return billing.flows().pages().error(request, 404, "There is no such plan",
                        "This plan or top-up is not offered any more. Pick one on the pricing page.");
            }
            return page(request, tenant, offer.get(), null, 200);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("offer") String offerId, @FormParam(CsrfTokens.FIELD) String csrf,
            @Context HttpServletRequest request) {
        if (!billing.flows().csrf().valid(request, csrf)) {
            return billing.flows().pages().formExpired(request);
        }
        return AuthPages.signedIn(request, viewer -> start(request, viewer, offerId == null ? "" : offerId));
    }

    private Response start(HttpServletRequest request, Viewer viewer, String offerId) {
        Tenant tenant = AuthPages.tenant(request);
        try {
            URI origin = URI.create(billing.links().forMail(tenant, request, "/"));
            CheckoutRecord checkout = billing.payments().checkout(tenant, viewer.account().id(),
                    viewer.account().email(), offerId, origin);
            return Response.seeOther(checkout.url()).header("Cache-Control", "no-store").build();
        } catch (UnknownOfferException e) {
            return billing.flows().pages().error(request, 404, "There is no such plan", e.getMessage());
        } catch (PaymentsUnavailableException e) {
            Offer offer = TenantOffers.find(tenant, offerId).orElse(null);
            return offer == null
                    ? billing.flows().pages().error(request, 503, "Purchases are unavailable", e.getMessage())
                    : page(request, tenant, offer, e.getMessage(), 503);
        }
    }

    private Response page(HttpServletRequest request, Tenant tenant, Offer offer, String error, int status) {
        Map<String, Object> data = billing.pages().model(request, tenant, "/billing/checkout", "Checkout");
        data.put("checkout", BillingViews.offer(offer, billing.payments().testMode(tenant)));
        if (error != null) {
            data.put("error", error);
        }
        return billing.pages().renderPrivate(tenant, "checkout.ftlh", data, status);
    }
}
