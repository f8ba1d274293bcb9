package dev.atelier.web.site.admin;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.Consent;
import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.legal.DocumentTitles;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/users}: the tenant's accounts, found by the start of their email, with their credit balances, the
 * legal documents each accepted (version, time, address), and a form per account that grants credits. Tenant admins
 * only.
 *
 * <p>Each grant form carries a random {@code nonce} made when the page was shown; it becomes the grant's idempotency
 * key, so sending the same form twice (a double click, a reload after posting) grants once.
 */
@Path("/admin/users")
@Produces("text/html; charset=utf-8")
public final class AdminUsersResource {

    static final int PAGE_SIZE = 50;
    static final int MAX_GRANT = 100_000;
    static final int MAX_REASON_LENGTH = 200;
    private static final int MAX_QUERY_LENGTH = 254;
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Logger LOG = LoggerFactory.getLogger(AdminUsersResource.class);

    private final AdminPages admin;
    private final AccountServices accounts;
    private final GenerationModule generation;
    private final AdminAuditTrail trail;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public AdminUsersResource(AdminPages admin, AccountServices accounts, GenerationModule generation,
            AdminAuditTrail trail) {
        this.admin = admin;
        this.trail = trail;
        this.accounts = accounts;
        this.generation = generation;
    }

    @GET
    public Response page(@QueryParam("q") String query, @QueryParam("granted") String granted,
            @Context HttpServletRequest request) {
        Response refused = admin.refuse(request);
        if (refused != null) {
            return refused;
        }
        return render(request, query(query), "1".equals(granted), null, null, Map.of(), Map.of(), 200);
    }

    @POST
    @Path("grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@FormParam("account") String accountId, @FormParam("amount") String amount,
            @FormParam("reason") String reason, @FormParam("nonce") String nonce, @FormParam("q") String query,
            @FormParam("from") String from, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        Response refused = admin.refuseForm(request, token);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        String q = query(query);
        Optional<Account> account = accountId == null || accountId.isBlank() ? Optional.empty()
                : accounts.accounts().find(tenant.id(), accountId.strip());
        if (account.isEmpty()) {
            return admin.error(request, tenant, 404, "No such user",
                    "This user does not exist here any more. Search again and use the form next to them.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("amount", trimmed(amount, 20));
        values.put("reason", trimmed(reason, MAX_REASON_LENGTH + 50));
        Map<String, String> errors = new LinkedHashMap<>();
        long credits = 0;
        if (!values.get("amount").matches("[0-9]{1,7}")
                || (credits = Long.parseLong(values.get("amount"))) < 1 || credits > MAX_GRANT) {
            errors.put("amount", "Enter a whole number of credits from 1 to " + MAX_GRANT + ".");
        }
        String why = values.get("reason");
        if (why.isEmpty()) {
            errors.put("reason", "Say why, for example \"Refund for a failed video\". The user sees it.");
        } else if (why.codePointCount(0, why.length()) > MAX_REASON_LENGTH) {
            errors.put("reason", "Use at most " + MAX_REASON_LENGTH + " characters.");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            errors.put("form", "This form is incomplete. Reload the page and try again.");
        }
        boolean fromDetail = "detail".equals(from);
        if (!errors.isEmpty()) {
            if (fromDetail) {
                return admin.error(request, tenant, 422, "The credits were not granted",
                        String.join(" ", errors.values()) + " Go back, correct the form and send it again.");
            }
            return render(request, q, false, account.get().id(), nonce, values, errors, 422);
        }
        String key = "admin:" + nonce;
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LedgerEntry grant = generation.ledger().grant(tenant.id(), account.get().id(), credits, why, null, key);
        // A resent form gets the first grant back (older than this request): it is logged once, like it is granted.
        if (!grant.createdAt().isBefore(before)) {
            trail.record(request, tenant, AuditActions.CREDITS_GRANT, account.get().id(),
                    Map.of("email", account.get().email(), "credits", credits, "reason", why));
        }
        LOG.info("Admin {} of tenant {} granted credits to account {}", viewerId(request), tenant.id(),
                account.get().id());
        if (fromDetail) {
            return AuthPages.redirect("/admin/users/" + account.get().id() + "?done=granted");
        }
        return AuthPages.redirect("/admin/users?granted=1"
                + (q.isEmpty() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }

    private Response render(HttpServletRequest request, String query, boolean granted, String grantAccount,
            String grantNonce, Map<String, String> values, Map<String, String> errors, int status) {
        Tenant tenant = AdminAccess.tenant(request);
        List<Map<String, Object>> users = new ArrayList<>();
        for (Account account : accounts.accounts().search(tenant.id(), query, PAGE_SIZE)) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", account.id());
            user.put("email", account.email());
            user.put("name", account.displayName());
            user.put("verified", account.emailVerified());
            user.put("created", account.createdAt().toString());
            user.put("balance", generation.ledger().balance(tenant.id(), account.id()));
            user.put("consents", accounts.consents().list(tenant.id(), account.id()).stream()
                    .map(AdminUsersResource::consent).toList());
            // A refused form keeps its nonce, so correcting and resending it still grants at most once.
            String kept = account.id().equals(grantAccount) ? grantNonce : null;
            user.put("nonce", kept != null && NONCE.matcher(kept).matches() ? kept : nonce());
            users.add(user);
        }
        Map<String, Object> data = admin.data(tenant, "users", values, errors, false);
        data.put("query", query);
        data.put("users", users);
        data.put("granted", granted);
        data.put("grantAccount", grantAccount == null ? "" : grantAccount);
        data.put("maxGrant", MAX_GRANT);
        data.put("maxReason", MAX_REASON_LENGTH);
        data.put("pageSize", PAGE_SIZE);
        return admin.render(request, tenant, "users", "Users", data, status);
    }

    /** One acceptance as the users page lists it: which document, which version, when and from where. */
    private static Map<String, Object> consent(Consent consent) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", DocumentTitles.of(consent.document()));
        // Acceptances from before versions were published name the tenant's configuration time, not a number.
        row.put("version", consent.version().matches("[0-9]{1,9}") ? "version " + consent.version()
                : "as of " + consent.version());
        row.put("acceptedAt", consent.acceptedAt().toString());
        row.put("ip", consent.ip() == null ? "" : consent.ip());
        return row;
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String viewerId(HttpServletRequest request) {
        return dev.atelier.web.auth.RequestAuth.viewer(request).map(v -> v.account().id()).orElse("?");
    }

    private static String query(String raw) {
        return trimmed(raw, MAX_QUERY_LENGTH);
    }

    private static String trimmed(String value, int max) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
