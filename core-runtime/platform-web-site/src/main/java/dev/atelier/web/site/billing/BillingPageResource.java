package dev.atelier.web.site.billing;

import dev.atelier.billing.payments.CheckoutRecord;
import dev.atelier.billing.payments.InvalidSubscriptionChangeException;
import dev.atelier.billing.payments.Payments;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.billing.payments.Subscriptions;
import dev.atelier.billing.payments.UnknownOfferException;
import dev.atelier.core.tenants.Tenant;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/billing}: the balance, the current plan and its renewal, and every payment; after a checkout
 * ({@code ?checkout=<id>}) it also says whether that payment arrived. Its "Manage billing", "Cancel plan" and "Change
 * plan" buttons post to {@code /account/billing/portal}, which opens the provider's billing portal on that step. A root resource of its own: under the site pages
 * resource ({@code /}) it would never be reached, because requests below {@code /account} are matched to the account
 * resource.
 */
@Path("/account/billing")
@Produces("text/html; charset=utf-8")
public final class BillingPageResource {

    private static final int PAYMENTS_SHOWN = 50;
    private static final int HISTORY_PAGE = 50;

    private final BillingPages billing;

    @Inject
    public BillingPageResource(BillingPages billing) {
        this.billing = billing;
    }

    @GET
    public Response billing(@QueryParam("checkout") String checkoutId, @QueryParam("history") String historyCursor,
            @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            Map<String, Object> data = billing.pages().model(request, tenant, "/account/billing", "Billing");
            BillingViews.HistoryView history;
            try {
                history = BillingViews.history(billing.payments().history(tenant, viewer.account().id(),
                        HISTORY_PAGE, historyCursor), Instant.now(), "/account/billing?history=");
            } catch (IllegalArgumentException e) {
                return billing.flows().pages().error(request, 400, "That page of your history does not exist",
                        "The link is not one this site made. Open your billing page again.");
            }
            data.put("billing", page(tenant, viewer, checkoutId, history));
            return billing.pages().renderPrivate(tenant, "billing.ftlh", data, 200);
        });
    }

    /** A printable receipt of one of the signed-in person's payments; anyone else's is 404. */
    @GET
    @Path("receipts/{id}")
    public Response receipt(@PathParam("id") String paymentId, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            return billing.payments().payment(tenant, viewer.account().id(), paymentId).map(payment -> {
                Map<String, Object> data = billing.pages().model(request, tenant, "/account/billing/receipts",
                        "Receipt");
                String seller = tenant.settings() != null && tenant.settings().legal() != null
                        && tenant.settings().legal().companyName() != null ? tenant.settings().legal().companyName()
                        : tenant.displayName();
                data.put("receipt", BillingViews.receipt(payment, viewer.account().email(), seller,
                        tenant.supportEmail()));
                return billing.pages().renderPrivate(tenant, "receipt.ftlh", data, 200);
            }).orElseGet(() -> billing.flows().pages().error(request, 404, "There is no such receipt",
                    "This receipt does not exist or is not yours."));
        });
    }

    /**
     * "Manage billing", "Cancel plan" and "Change plan": opens the tenant's provider's billing portal on that step
     * ({@code intent} = {@code manage}, {@code cancel} or {@code change} with {@code offer}) and sends the browser there.
     */
    @POST
    @Path("portal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response portal(@FormParam("intent") String intent, @FormParam("offer") String offerId,
            @FormParam(CsrfTokens.FIELD) String csrf, @Context HttpServletRequest request) {
        if (!billing.flows().csrf().valid(request, csrf)) {
            return billing.flows().pages().formExpired(request);
        }
        Optional<Subscriptions.Intent> asked = Subscriptions.Intent.named(intent);
        if (asked.isEmpty() || asked.get() == Subscriptions.Intent.RESUME) {
            return billing.flows().pages().error(request, 400, "Choose what to do",
                    "Use one of the buttons on the billing page.");
        }
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            try {
                URI portal = billing.payments().subscriptions().portal(tenant, viewer.account().id(), asked.get(),
                        offerId, URI.create(billing.links().forMail(tenant, request, "/account/billing")));
                return Response.seeOther(portal).header("Cache-Control", "no-store").build();
            } catch (InvalidSubscriptionChangeException e) {
                return billing.flows().pages().error(request, 409, "Nothing to change", e.getMessage());
            } catch (UnknownOfferException e) {
                return billing.flows().pages().error(request, 404, "There is no such plan", e.getMessage());
            } catch (PaymentsUnavailableException e) {
                return billing.flows().pages().error(request, 503, "Billing is unavailable", e.temporary()
                        ? e.getMessage() : "Managing your plan is not available on this site right now. Your plan and"
                        + " credits are unchanged; please contact support.");
            }
        });
    }

    private BillingViews.BillingPage page(Tenant tenant, Viewer viewer, String checkoutId,
            BillingViews.HistoryView history) {
        String accountId = viewer.account().id();
        Optional<CheckoutRecord> checkout = checkoutId == null ? Optional.empty()
                : billing.payments().checkout(tenant, accountId, checkoutId);
        Payments payments = billing.payments();
        BillingViews.PlanView plan = payments.subscription(tenant, accountId)
                .map(s -> BillingViews.plan(tenant, s, false)).orElse(null);
        return new BillingViews.BillingPage(payments.balance(tenant, accountId), payments.owed(tenant, accountId), plan,
                payments.payments(tenant, accountId, PAYMENTS_SHOWN, null).stream().map(BillingViews::payment).toList(),
                checkout.map(BillingPageResource::notice).orElse(null),
                checkout.map(c -> c.offer().name()).orElse(null), payments.testMode(tenant),
                payments.sources(tenant, accountId).stream().map(BillingViews::source).toList(),
                payments.held(tenant, accountId), history);
    }

    private static String notice(CheckoutRecord checkout) {
        return switch (checkout.status()) {
            case PAID -> "paid";
            case FAILED, EXPIRED -> "failed";
            case OPEN -> "pending";
        };
    }
}
