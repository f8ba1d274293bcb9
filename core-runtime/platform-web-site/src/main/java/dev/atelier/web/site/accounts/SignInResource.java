package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.Forms;
import dev.atelier.web.auth.NextPath;
import dev.atelier.web.bots.BotChallenges;
import dev.atelier.web.bots.ChallengeCheck;
import dev.atelier.web.bots.FailedSignIns;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.AccountSuspendedException;
import dev.atelier.core.tenants.Tenant;
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
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code /signin} with email and password, and {@code /signout}. */
@Path("/")
@Produces("text/html; charset=utf-8")
public final class SignInResource {

    static final String SUSPENDED = "This account is suspended by the site's admins. Write to %s to ask why.";
    private static final String WRONG = "That email and password don't match an account. Check both and try again.";

    private final AccountFlows flows;
    private final BotChallenges bots;

    @Inject
    public SignInResource(AccountFlows flows, BotChallenges bots) {
        this.flows = flows;
        this.bots = bots;
    }

    @GET
    @Path("signin")
    public Response form(@QueryParam("next") String next, @QueryParam("reauth") String reauth,
            @Context HttpServletRequest request) {
        // A signed-in user is sent on, unless asked to sign in again for something that needs a recent sign-in.
        if (RequestAuth.viewer(request).isPresent() && reauth == null) {
            return AuthPages.redirect(NextPath.of(next, "/create"));
        }
        return page(request, AuthPages.values("email", ""), Map.of(), next, 200);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("next") String next, @FormParam(CsrfTokens.FIELD) String token, Form form,
            @Context HttpServletRequest request) {
        return flows.post(request, token, () -> {
            Tenant tenant = AuthPages.tenant(request);
            flows.throttle().signIn(tenant, request, email);
            Map<String, Object> values = AuthPages.values("email", Forms.trimmed(email, 254));
            FailedSignIns failures = bots.failedSignIns();
            if (challengeDue(tenant, request, email)) {
                ChallengeCheck challenge = bots.check(tenant, request, BotChallenges.SIGNIN, form);
                if (!challenge.allowsAction()) {
                    return page(request, values, Map.of("form", challenge.message()), next, challenge.status());
                }
            }
            Optional<Account> account;
            try {
                account = flows.services().accounts().signIn(tenant.id(), email, password);
            } catch (AccountSuspendedException e) {
                failures.succeeded(tenant.id(), email);
                return page(request, values, Map.of("form", SUSPENDED.formatted(tenant.supportEmail())), next, 403);
            }
            if (account.isEmpty()) {
                if (bots.protects(tenant)) {
                    failures.failed(tenant.id(), request.getRemoteAddr(), email);
                }
                return page(request, values, Map.of("form", WRONG), next, 401);
            }
            failures.succeeded(tenant.id(), email);
            return flows.signIns().redirect(request, tenant, account.get(), NextPath.of(next, "/create"));
        });
    }

    @POST
    @Path("signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("everywhere") String everywhere, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return flows.post(request, token, () -> {
            Tenant tenant = AuthPages.tenant(request);
            Optional<Viewer> viewer = RequestAuth.viewer(request);
            boolean all = "yes".equals(everywhere) && viewer.isPresent();
            if (all) {
                flows.services().sessions().revokeAllFor(tenant.id(), viewer.get().account().id());
            }
            return Response.seeOther(java.net.URI.create(all ? "/?done=signed-out-everywhere" : "/?done=signed-out"))
                    .header("Cache-Control", "no-store").cookie(flows.signIns().end(request, tenant)).build();
        });
    }

    // A challenge once the account being signed in to, or the visitor's address, failed a few times in a row.
    private boolean challengeDue(Tenant tenant, HttpServletRequest request, String email) {
        return bots.protects(tenant) && bots.failedSignIns().challengeDue(tenant.id(), request.getRemoteAddr(), email);
    }

    private Response page(HttpServletRequest request, Map<String, Object> values, Map<String, String> errors,
            String next, int status) {
        Tenant tenant = AuthPages.tenant(request);
        Map<String, Object> extra = Map.of("next", NextPath.of(next, ""));
        Function<Map<String, Object>, Response> page = model -> flows.pages().form(request, "signin.ftlh", "Sign in",
                values, errors, status, model);
        Object email = values.get("email");
        return challengeDue(tenant, request, email == null ? "" : email.toString())
                ? bots.render(tenant, BotChallenges.SIGNIN, extra, page) : page.apply(extra);
    }
}
