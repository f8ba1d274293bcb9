package dev.atelier.web.site.admin;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.SessionInfo;
import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.billing.payments.Payments;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.JobPage;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.headers.MediaOrigins;
import dev.atelier.web.site.billing.BillingViews;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/users/{id}}: one account of the tenant for its admins: profile and status, credit balance and history,
 * creations, active sessions (each can be ended), suspend and resume, and the grant form of {@code /admin/users}.
 * Another tenant's account, or an unknown id, is 404.
 */
@Path("/admin/users/{id: acc_[0-9a-f]+}")
@Produces("text/html; charset=utf-8")
public final class AdminUserResource {

    static final int HISTORY_PAGE = 20;
    static final int GENERATIONS_PAGE = 12;
    private static final int MAX_PROMPT_SHOWN = 140;

    private final AdminPages admin;
    private final AccountServices accounts;
    private final GenerationModule generation;
    private final Payments payments;
    private final AdminAuditTrail trail;
    private final FormNonces nonces = new FormNonces();

    @Inject
    public AdminUserResource(AdminPages admin, AccountServices accounts, GenerationModule generation,
            Payments payments, AdminAuditTrail trail) {
        this.admin = admin;
        this.accounts = accounts;
        this.generation = generation;
        this.payments = payments;
        this.trail = trail;
    }

    @GET
    public Response page(@PathParam("id") String id, @QueryParam("history") String history,
            @QueryParam("generations") String generations, @QueryParam("done") String done,
            @Context HttpServletRequest request) {
        return admin.page(request, tenant -> find(tenant, id)
                .map(account -> render(request, tenant, account, history, generations, done))
                .orElseGet(() -> missing(request, tenant)));
    }

    @POST
    @Path("suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@PathParam("id") String id, @FormParam("reason") String reason,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        Response refused = admin.refuseForm(request, token);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        Optional<Account> account = find(tenant, id);
        if (account.isEmpty()) {
            return missing(request, tenant);
        }
        if (isSelf(request, account.get())) {
            return admin.error(request, tenant, 409, "You cannot suspend yourself",
                    "Another admin of this site can suspend this account if it must be.");
        }
        accounts.suspensions().suspend(tenant.id(), account.get().id(), AdminAuditTrail.actor(request),
                trimmed(reason, AdminUsersResource.MAX_REASON_LENGTH));
        return back(account.get(), "suspended");
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("id") String id, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        Response refused = admin.refuseForm(request, token);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        return find(tenant, id).map(account -> {
            accounts.suspensions().resume(tenant.id(), account.id(), AdminAuditTrail.actor(request));
            return back(account, "resumed");
        }).orElseGet(() -> missing(request, tenant));
    }

    @POST
    @Path("sessions/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeSession(@PathParam("id") String id, @FormParam("session") String session,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        Response refused = admin.refuseForm(request, token);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        return find(tenant, id).map(account -> {
            if (session != null && accounts.sessions().revoke(tenant.id(), account.id(), session.strip())) {
                trail.record(request, tenant, AuditActions.SESSION_REVOKE, account.id(),
                        Map.of("email", account.email()));
            }
            return back(account, "session-ended");
        }).orElseGet(() -> missing(request, tenant));
    }

    private Response render(HttpServletRequest request, Tenant tenant, Account account, String historyCursor,
            String generationsCursor, String done) {
        BillingViews.HistoryView history;
        JobPage jobs;
        String base = "/admin/users/" + account.id();
        try {
            history = BillingViews.history(payments.history(tenant, account.id(), HISTORY_PAGE,
                    blankToNull(historyCursor)), Instant.now(), base + "?history=");
            jobs = generation.jobs().list(tenant.id(), account.id(), GENERATIONS_PAGE, blankToNull(generationsCursor));
        } catch (IllegalArgumentException e) {
            return admin.error(request, tenant, 400, "That page of the list does not exist",
                    "The link is not one this site made. Open the user again from the users page.");
        }
        Map<String, Object> data = admin.data(tenant, "users", Map.of(), Map.of(), false);
        data.put("user", profile(tenant, account));
        data.put("balance", generation.ledger().balance(tenant.id(), account.id()));
        data.put("history", history);
        data.put("generations", jobs.items().stream().map(job -> generation(tenant, job)).toList());
        data.put("olderGenerations", jobs.nextCursor() == null ? null : base + "?generations=" + jobs.nextCursor()
                + "#generations");
        data.put("sessions", accounts.sessions().list(tenant.id(), account.id()).stream()
                .map(AdminUserResource::session).toList());
        data.put("grantNonce", nonces.next());
        data.put("maxGrant", AdminUsersResource.MAX_GRANT);
        data.put("maxReason", AdminUsersResource.MAX_REASON_LENGTH);
        data.put("done", done == null ? "" : done);
        data.put("self", isSelf(request, account));
        Response page = admin.render(request, tenant, "user", account.email(), data, 200);
        return MediaOrigins.allow(page, Map.of("items", data.get("generations")));
    }

    private Map<String, Object> profile(Tenant tenant, Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", account.id());
        user.put("email", account.email());
        user.put("name", account.displayName());
        user.put("verified", account.emailVerified());
        user.put("created", account.createdAt().toString());
        user.put("admin", accounts.admins().isAdmin(account));
        Optional<Instant> suspended = accounts.suspensions().suspendedAt(tenant.id(), account.id());
        user.put("suspended", suspended.isPresent());
        user.put("suspendedAt", suspended.map(Instant::toString).orElse(""));
        return user;
    }

    private Map<String, Object> generation(Tenant tenant, Job job) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", job.id());
        item.put("status", job.status().name());
        String prompt = job.prompt() == null ? "" : job.prompt();
        item.put("prompt", prompt.length() > MAX_PROMPT_SHOWN ? prompt.substring(0, MAX_PROMPT_SHOWN) + "…" : prompt);
        item.put("model", job.modelId());
        item.put("credits", job.price());
        item.put("createdAt", String.valueOf(job.createdAt()));
        item.put("thumbnailUrl", job.outputs().stream().findFirst()
                .map(o -> o.thumbnailKey() == null ? null : generation.links().url(tenant, o.thumbnailKey()))
                .orElse(null));
        return item;
    }

    private static Map<String, Object> session(SessionInfo session) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", session.id());
        row.put("createdAt", session.createdAt().toString());
        row.put("lastSeenAt", session.lastSeenAt().toString());
        row.put("userAgent", session.userAgent() == null ? "" : session.userAgent());
        row.put("ip", session.ip() == null ? "" : session.ip());
        return row;
    }

    private Optional<Account> find(Tenant tenant, String id) {
        return id == null || id.isBlank() ? Optional.empty() : accounts.accounts().find(tenant.id(), id.strip());
    }

    private Response missing(HttpServletRequest request, Tenant tenant) {
        return admin.error(request, tenant, 404, "No such user",
                "This site has no such account. Search for it on the users page.");
    }

    private static boolean isSelf(HttpServletRequest request, Account account) {
        return AdminAuditTrail.actor(request).accountId().equals(account.id());
    }

    private static Response back(Account account, String done) {
        return AuthPages.redirect("/admin/users/" + account.id() + "?done=" + done);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String trimmed(String value, int max) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
