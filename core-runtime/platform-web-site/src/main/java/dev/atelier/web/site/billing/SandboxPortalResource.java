package dev.atelier.web.site.billing;

import dev.atelier.billing.payments.InvalidSubscriptionChangeException;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.billing.payments.SubscriptionRecord;
import dev.atelier.billing.payments.Subscriptions;
import dev.atelier.billing.payments.TenantOffers;
import dev.atelier.billing.payments.UnknownOfferException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.InvalidWebhookException;
import dev.atelier.spi.payment.Offer;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.pages.Prices;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test-mode provider's billing portal (the sandbox's), served by the platform and plainly marked as a test:
 * {@code GET /billing/sandbox/portal?flow=cancel|change&offer=} shows the signed-in person's plan with buttons to cancel
 * it at the period's end, take the cancellation back, or change to another plan
 * ({@code <button name="action" value="cancel|resume|change">}, with {@code offer} for a change). The answer goes
 * through the same webhook intake as a real provider's portal changes. 404 unless the tenant's provider is simulated.
 */
@Path("/billing/sandbox/portal")
@Produces("text/html; charset=utf-8")
public final class SandboxPortalResource {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxPortalResource.class);

    private final BillingPages billing;

    @Inject
    public SandboxPortalResource(BillingPages billing) {
        this.billing = billing;
    }

    @GET
    public Response page(@QueryParam("flow") String flow, @QueryParam("offer") String offerId,
            @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            if (!billing.payments().testMode(tenant)) {
                return notFound(request);
            }
            Optional<SubscriptionRecord> subscription = billing.payments().subscription(tenant,
                    viewer.account().id());
            Optional<Offer> current = subscription.flatMap(s -> TenantOffers.find(tenant, s.offerId()));
            BillingViews.PlanView plan = subscription.map(s -> BillingViews.plan(tenant, s, true)).orElse(null);
            String step = "cancel".equals(flow) || "change".equals(flow) ? flow : "manage";
            BillingViews.OfferView focus = "change".equals(step) && plan != null ? plan.others().stream()
                    .filter(o -> o.id().equals(offerId)).findFirst().orElse(null) : null;
            Map<String, Object> data = billing.pages().model(request, tenant, "/billing/sandbox/portal",
                    "Test billing portal");
            data.put("portal", new BillingViews.TestPortalView(plan,
                    current.map(o -> Prices.format(o.amountMinor(), o.currency())).orElse(null),
                    current.map(o -> o.interval().name().toLowerCase(Locale.ROOT)).orElse(null), step,
                    focus));
            return billing.pages().renderPrivate(tenant, "sandbox-portal.ftlh", data, 200);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("action") String action, @FormParam("offer") String offerId,
            @FormParam(CsrfTokens.FIELD) String csrf, @Context HttpServletRequest request) {
        if (!billing.flows().csrf().valid(request, csrf)) {
            return billing.flows().pages().formExpired(request);
        }
        Optional<Subscriptions.Intent> intent = Subscriptions.Intent.named(action)
                .filter(i -> i != Subscriptions.Intent.MANAGE);
        if (intent.isEmpty()) {
            return billing.flows().pages().error(request, 400, "Choose what to do",
                    "Use one of the buttons on the test billing portal.");
        }
        return AuthPages.signedIn(request, viewer -> answer(request, viewer, intent.get(), offerId));
    }

    private Response answer(HttpServletRequest request, Viewer viewer, Subscriptions.Intent intent, String offerId) {
        Tenant tenant = AuthPages.tenant(request);
        if (!billing.payments().testMode(tenant)) {
            return notFound(request);
        }
        try {
            billing.payments().subscriptions().answerTestPortal(tenant, viewer.account().id(), intent, offerId);
        } catch (InvalidSubscriptionChangeException e) {
            return billing.flows().pages().error(request, 409, "Nothing to change", e.getMessage());
        } catch (UnknownOfferException e) {
            return billing.flows().pages().error(request, 404, "There is no such plan", e.getMessage());
        } catch (PaymentsUnavailableException | InvalidWebhookException e) {
            LOG.warn("Test portal answer {} could not be made: {}", intent, e.getMessage());
            return billing.flows().pages().error(request, 503, "Billing is unavailable",
                    "The test change could not be made. Please try again in a moment.");
        }
        return AuthPages.redirect("/account/billing");
    }

    private Response notFound(HttpServletRequest request) {
        return billing.flows().pages().error(request, 404, "There is no such page",
                "This site's payments are not in test mode.");
    }
}
