package dev.atelier.web.site.billing;

import dev.atelier.billing.payments.CheckoutRecord;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.billing.payments.TenantOffers;
import dev.atelier.billing.payments.UnknownOfferException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.RateLimitedException;
import dev.atelier.web.legal.RequiresAcceptance;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.bots.BotChallenges;
import dev.atelier.web.bots.ChallengeCheck;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buying from the pricing page: {@code GET /billing/checkout?offer=} shows what is about to be bought (visitors are
 * sent to sign in or sign up first and come back here), and its form posts to {@code POST /billing/checkout}, which
 * opens the checkout at the tenant's payment provider and sends the browser there. The pricing page itself stays the
 * same for everyone (and cached): its buttons are plain links here.
 *
 * <p>A test-mode provider's checkout page (the sandbox) is served here too, plainly marked as a test:
 * {@code GET /billing/sandbox/checkout/{id}} shows what is bought with "Pay" and "Decline" buttons
 * ({@code <button name="outcome" value="pay">} / {@code value="decline"}), and the form's answer goes through the same
 * webhook intake as a real provider's. Only the checkout's own buyer sees it; anything else is 404.
 */
@Path("/billing")
@Produces("text/html; charset=utf-8")
public final class CheckoutPagesResource {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutPagesResource.class);

    private final BillingPages billing;
    private final BotChallenges bots;

    @Inject
    public CheckoutPagesResource(BillingPages billing, BotChallenges bots) {
        this.billing = billing;
        this.bots = bots;
    }

    @GET
    @Path("checkout")
    @RequiresAcceptance
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
    @Path("checkout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresAcceptance(returnTo = "/pricing")
    public Response start(@FormParam("offer") String offerId, @FormParam(CsrfTokens.FIELD) String csrf, Form form,
            @Context HttpServletRequest request) {
        if (!billing.flows().csrf().valid(request, csrf)) {
            return billing.flows().pages().formExpired(request);
        }
        return AuthPages.signedIn(request, viewer -> start(request, viewer, offerId == null ? "" : offerId, form));
    }

    private Response start(HttpServletRequest request, Viewer viewer, String offerId, Form form) {
        Tenant tenant = AuthPages.tenant(request);
        Optional<Offer> offered = TenantOffers.find(tenant, offerId);
        ChallengeCheck challenge = offered.isEmpty() ? ChallengeCheck.NOT_REQUIRED
                : bots.check(tenant, request, BotChallenges.CHECKOUT, form);
        if (!challenge.allowsAction()) {
            return page(request, tenant, offered.get(), challenge.message(), challenge.status());
        }
        try {
            billing.flows().throttle().checkout(tenant, viewer.account().id());
        } catch (RateLimitedException e) {
            return billing.flows().pages().rateLimited(request, e);
        }
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
        return bots.render(tenant, BotChallenges.CHECKOUT, data,
                model -> billing.pages().renderPrivate(tenant, "checkout.ftlh", model, status));
    }

    @GET
    @Path("sandbox/checkout/{id}")
    public Response testPage(@PathParam("id") String id, @Context HttpServletRequest request) {
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
    @Path("sandbox/checkout/{id}")
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

    /** Test mode only: moves the buyer's own plan to its next period, paid or not collected. */
    @POST
    @Path("sandbox/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@FormParam("subscription") String subscriptionId, @FormParam("outcome") String outcome,
            @FormParam(CsrfTokens.FIELD) String csrf, @Context HttpServletRequest request) {
        if (!billing.flows().csrf().valid(request, csrf)) {
            return billing.flows().pages().formExpired(request);
        }
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            try {
                if (!billing.payments().testMode(tenant) || billing.payments().renewTestSubscription(tenant,
                        viewer.account().id(), subscriptionId == null ? "" : subscriptionId,
                        !"fail".equals(outcome)).isEmpty()) {
                    return notFound(request);
                }
            } catch (PaymentsUnavailableException | InvalidWebhookException e) {
                LOG.warn("Test renewal of {} could not be made: {}", subscriptionId, e.getMessage());
                return billing.flows().pages().error(request, 503, "Purchases are unavailable",
                        "The test renewal could not be made. Please try again in a moment.");
            }
            return AuthPages.redirect("/account/billing");
        });
    }
}
