package dev.atelier.web.site.admin;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.billing.payments.InvalidRefundException;
import dev.atelier.billing.payments.Payments;
import dev.atelier.billing.payments.PaymentsUnavailableException;
import dev.atelier.billing.payments.RefundRecord;
import dev.atelier.billing.payments.TenantOffers;
import dev.atelier.billing.payments.TenantPayment;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.Offer;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.RequestAuth;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/payments}: the tenant's payments, found by the start of the buyer's email and by kind, each with its
 * refunds, and a form per payment that refunds all or part of it through the tenant's payment provider. Tenant admins
 * only; another tenant's payment is not found.
 *
 * <p>Each refund form carries a random {@code nonce} made when the page was shown; it becomes the refund's key, so
 * sending the same form twice (a double click, a reload after posting) refunds once.
 */
@Path("/admin/payments")
@Produces("text/html; charset=utf-8")
public final class AdminPaymentsResource {

    static final int PAGE_SIZE = 100;
    static final int MAX_REASON_LENGTH = 200;
    private static final int MAX_QUERY_LENGTH = 254;
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Logger LOG = LoggerFactory.getLogger(AdminPaymentsResource.class);

    private final AdminPages admin;
    private final Payments payments;
    private final AccountServices accounts;
    private final AdminAuditTrail trail;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public AdminPaymentsResource(AdminPages admin, Payments payments, AccountServices accounts,
            AdminAuditTrail trail) {
        this.admin = admin;
        this.trail = trail;
        this.payments = payments;
        this.accounts = accounts;
    }

    @GET
    public Response page(@QueryParam("q") String query, @QueryParam("kind") String kind,
            @QueryParam("refund") String refundId, @Context HttpServletRequest request) {
        Response refused = admin.refuse(request);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        AdminPaymentsView.Notice notice = refundId == null ? null : payments.tenantRefund(tenant, refundId.strip())
                .flatMap(r -> payments.tenantPayment(tenant, r.paymentId()).map(p -> AdminPaymentsView.notice(r, p)))
                .orElse(null);
        return render(request, trimmed(query, MAX_QUERY_LENGTH), kind(kind), notice, null, null, 200);
    }

    @POST
    @Path("refund")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refund(@FormParam("payment") String paymentId, @FormParam("amount") String amount,
            @FormParam("all") String all, @FormParam("reason") String reason, @FormParam("q") String query,
            @FormParam("kind") String kind, @FormParam("nonce") String nonce,
            @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        Response refused = admin.refuseForm(request, token);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        Optional<TenantPayment> payment = paymentId == null || paymentId.isBlank() ? Optional.empty()
                : payments.tenantPayment(tenant, paymentId.strip());
        if (payment.isEmpty()) {
            return admin.error(request, tenant, 404, "No such payment",
                    "This payment does not exist here. Search again and use the form next to it.");
        }
        String q = trimmed(query, MAX_QUERY_LENGTH);
        String typedAmount = trimmed(amount, 40);
        String why = trimmed(reason, MAX_REASON_LENGTH + 50);
        Map<String, String> errors = new LinkedHashMap<>();
        long left = payment.get().refundable();
        String currency = payment.get().payment().currency();
        // What is left is checked by the refund itself, after a resent form (whose refund may have used it up) is
        // recognized by its nonce.
        long minor = "1".equals(all) ? left : amount(typedAmount, currency, errors);
        if (why.isEmpty()) {
            errors.put("reason", "Say why, for example \"Charged twice\". It is kept with the refund.");
        } else if (why.codePointCount(0, why.length()) > MAX_REASON_LENGTH) {
            errors.put("reason", "Use at most " + MAX_REASON_LENGTH + " characters.");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            errors.put("form", "This form is incomplete. Reload the page and try again.");
        }
        String keptNonce = nonce;
        boolean unavailable = false;
        if (errors.isEmpty()) {
            try {
                Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                RefundRecord refund = payments.refund(tenant, payment.get().payment().id(), minor, why,
                        RequestAuth.viewer(request).map(v -> v.account().id()).orElse(null), nonce);
                LOG.info("Refund {} of payment {} of tenant {} asked for: {}", refund.id(), refund.paymentId(),
                        tenant.slug(), refund.status());
                // A resent form gets the first refund back (older than this request): it is logged once.
                if (!refund.createdAt().isBefore(before)) {
                    trail.record(request, tenant, AuditActions.PAYMENT_REFUND, refund.paymentId(), Map.of(
                            "refund", refund.id(), "amount", Prices.format(refund.amountMinor(), currency),
                            "status", refund.status().name().toLowerCase(java.util.Locale.ROOT),
                            "credits_taken_back", refund.creditsReversed(), "reason", why));
                }
                return AuthPages.redirect("/admin/payments?refund=" + refund.id() + query(q, kind(kind)));
            } catch (InvalidRefundException e) {
                // The page shows no form for a payment with nothing left, so that message goes above the list.
                errors.put(left == 0 ? "form" : "amount", left == 0 ? "Nothing is left to refund of this payment."
                        : "At most " + Prices.format(left, currency) + " is left to refund.");
            } catch (PaymentsUnavailableException e) {
                errors.put("form", e.getMessage());
                // That refund is recorded as failed: trying again is a new one.
                keptNonce = null;
                unavailable = true;
            }
        }
        AdminPaymentsView.Form form = new AdminPaymentsView.Form(typedAmount, why, errors,
                keptNonce != null && NONCE.matcher(keptNonce).matches() ? keptNonce : nonce());
        int status = unavailable ? 503 : 422;
        return render(request, q, kind(kind), null, payment.get().payment().id(), form, status);
    }

    /** The typed amount in minor units, or 0 with the amount's error in {@code errors}. */
    private static long amount(String typed, String currency, Map<String, String> errors) {
        OptionalLong minor = MoneyInput.minorUnits(typed, currency);
        if (minor.isEmpty()) {
            errors.put("amount", "Enter an amount such as 7.00 or 3.5, or refund all that is left.");
            return 0;
        }
        return minor.getAsLong();
    }

    private Response render(HttpServletRequest request, String query, String kind, AdminPaymentsView.Notice notice,
            String formPayment, AdminPaymentsView.Form form, int status) {
        Tenant tenant = AdminAccess.tenant(request);
        Map<String, String> emails = new HashMap<>();
        List<AdminPaymentsView.Payment> rows = payments.tenantPayments(tenant, query, kindOf(kind), PAGE_SIZE)
                .stream().map(p -> AdminPaymentsView.payment(p, id -> emails.computeIfAbsent(id, a -> accounts
                        .accounts().find(tenant.id(), a).map(Account::email).orElse("(erased account)")),
                        p.payment().id().equals(formPayment) ? form : null, nonce())).toList();
        Map<String, Object> data = admin.data(tenant, "payments", Map.of(), form == null ? Map.of() : form.errors(),
                false);
        data.put("page", new AdminPaymentsView.Page(query, kind, rows, notice, PAGE_SIZE, MAX_REASON_LENGTH));
        if (payments.testMode(tenant)) {
            data.put("testSubscriptions", payments.subscriptions().tenantSubscriptions(tenant, PAGE_SIZE).stream()
                    .map(s -> AdminPaymentsView.subscription(s, TenantOffers.find(tenant, s.subscription().offerId())
                            .map(Offer::name).orElse(s.subscription().offerId()))).toList());
        }
        return admin.render(request, tenant, "payments", "Payments", data, status);
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code plan}, {@code top-up} or empty, from what a link or the filter sent. */
    private static String kind(String raw) {
        return "plan".equals(raw) || "top-up".equals(raw) ? raw : "";
    }

    private static TenantPayment.Kind kindOf(String kind) {
        return switch (kind) {
            case "plan" -> TenantPayment.Kind.PLAN;
            case "top-up" -> TenantPayment.Kind.TOP_UP;
            default -> null;
        };
    }

    private static String query(String q, String kind) {
        return (q.isEmpty() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                + (kind.isEmpty() ? "" : "&kind=" + kind);
    }

    private static String trimmed(String value, int max) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
