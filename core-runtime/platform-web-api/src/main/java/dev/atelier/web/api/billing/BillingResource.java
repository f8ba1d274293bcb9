package dev.atelier.web.api.billing;

import dev.atelier.billing.payments.CheckoutRecord;
import dev.atelier.billing.payments.InvalidSubscriptionChangeException;
import dev.atelier.billing.payments.PaymentRecord;
import dev.atelier.billing.payments.Payments;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.billing.payments.SubscriptionRecord;
import dev.atelier.billing.payments.Subscriptions;
import dev.atelier.billing.payments.UnknownOfferException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.Links;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Throttle;
import dev.atelier.web.legal.RequiresAcceptance;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.bots.BotTokens;
import dev.atelier.web.bots.BotChallenges;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in user's purchases: {@code POST /api/v1/billing/checkouts} {@code {"offer": "<plan or top-up id>"}}
 * answers 201 {@code {"id", "url"}} (send the person to {@code url} to pay; a second request for the same offer within
 * half an hour answers the same checkout); {@code POST /api/v1/billing/portal-sessions}
 * {@code {"intent": "manage|cancel|change", "offer"}} answers 201 {@code {"url"}} of the provider's billing portal; {@code GET /api/v1/billing/subscription} and
 * {@code GET /api/v1/billing/payments?limit=&cursor=} (newest first: {@code items} and {@code next_cursor}).
 */
@Path("/api/v1/billing")
@Produces(MediaType.APPLICATION_JSON)
public final class BillingResource {

    /**
     * @param offer the plan or top-up to buy
     * @param botToken the bot challenge's token, when the tenant binds bot protection and the caller is signed in
     *     with a session (a personal API token needs none: its owner passed the challenge to make it)
     */
    public record CheckoutInput(String offer, String botToken) {}

    public record CheckoutView(String id, String url, String offer, String status) {}

    /** {@code intent}: {@code manage} (the default), {@code cancel} or {@code change} (with {@code offer}). */
    public record PortalInput(String intent, String offer) {}

    public record PortalView(String url) {}

    public record SubscriptionView(String id, String plan, String status, Instant currentPeriodStart,
            Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {}

    public record Subscription(SubscriptionView subscription) {}

    public record PaymentView(String id, String description, long amount, String currency, long credits,
            long refunded, Instant paidAt, Instant periodStart, Instant periodEnd) {}

    private final dev.atelier.billing.payments.Payments payments;
    private final Links links;
    private final BotChallenges bots;
    private final Throttle throttle;

    @Inject
    public BillingResource(dev.atelier.billing.payments.Payments payments, Links links, BotChallenges bots,
            Throttle throttle) {
        this.payments = payments;
        this.links = links;
        this.bots = bots;
        this.throttle = throttle;
    }

    @POST
    @Path("checkouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresAcceptance
    public Response checkout(CheckoutInput input, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        String offer = input == null || input.offer() == null ? "" : input.offer().strip();
        if (offer.isEmpty()) {
            throw ProblemException.invalid("Say which plan or top-up to buy.",
                    List.of(new Problem.FieldError("offer", "is required")));
        }
        // 429 (RateLimitedMapper) before anything reaches the payment provider.
        throttle.checkout(tenant, viewer.account().id());
        if (!viewer.viaApiToken()) {
            BotTokens.require(bots.check(tenant, request, BotChallenges.CHECKOUT, input.botToken()));
        }
        try {
            CheckoutRecord checkout = payments.checkout(tenant, viewer.account().id(), viewer.account().email(),
                    offer, URI.create(links.forMail(tenant, request, "/")));
            return Response.status(201).entity(new CheckoutView(checkout.id(), checkout.url().toString(),
                    checkout.offer().id(), checkout.status().name())).build();
        } catch (UnknownOfferException e) {
            throw ProblemException.invalid(e.getMessage(), List.of(new Problem.FieldError("offer",
                    "is not a plan or top-up of this site")));
        } catch (PaymentsUnavailableException e) {
            throw new ProblemException(503, "Service Unavailable", e.getMessage());
        }
    }

    /**
     * Opens the billing portal of the site's payment provider: 201 {@code {"url"}}, where to send the person to manage
     * payment methods, cancel the plan at its period's end or change it; 409 when there is nothing to manage or no
     * plan to cancel or change, 422 for an unknown intent or plan, 503 when the site's provider is unavailable.
     */
    @POST
    @Path("portal-sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response portal(PortalInput input, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Tenant tenant = AuthPages.tenant(request);
        String named = input == null || input.intent() == null ? "manage" : input.intent().strip();
        Subscriptions.Intent intent = Subscriptions.Intent.named(named).filter(i -> i != Subscriptions.Intent.RESUME)
                .orElseThrow(() -> ProblemException.invalid("Say what to do in the billing portal.",
                        List.of(new Problem.FieldError("intent", "is one of manage, cancel, change"))));
        try {
            URI url = payments.subscriptions().portal(tenant, viewer.account().id(), intent,
                    input == null ? null : input.offer(), URI.create(links.forMail(tenant, request,
                            "/account/billing")));
            return Response.status(201).entity(new PortalView(url.toString())).build();
        } catch (InvalidSubscriptionChangeException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        } catch (UnknownOfferException e) {
            throw ProblemException.invalid(e.getMessage(), List.of(new Problem.FieldError("offer",
                    "is not a plan of this site")));
        } catch (PaymentsUnavailableException e) {
            throw new ProblemException(503, "Service Unavailable", e.getMessage());
        }
    }

    @GET
    @Path("subscription")
    public Subscription subscription(@Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        return new Subscription(payments.subscription(AuthPages.tenant(request), viewer.account().id())
                .map(BillingResource::view).orElse(null));
    }

    @GET
    @Path("payments")
    public Page<PaymentView> history(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        int size = Pagination.limit(limit);
        List<PaymentView> read = payments.payments(AuthPages.tenant(request), viewer.account().id(), size + 1,
                Pagination.before(cursor)).stream().map(BillingResource::view).toList();
        return Pagination.newestFirst(read, PaymentView::id, size);
    }

    private static SubscriptionView view(SubscriptionRecord s) {
        return new SubscriptionView(s.id(), s.offerId(), s.status().name(), s.periodStart(), s.periodEnd(),
                s.cancelAtPeriodEnd());
    }

    private static PaymentView view(PaymentRecord p) {
        return new PaymentView(p.id(), p.description(), p.amountMinor(), p.currency(), p.credits(),
                p.refundedMinor(), p.paidAt(), p.periodStart(), p.periodEnd());
    }
}
