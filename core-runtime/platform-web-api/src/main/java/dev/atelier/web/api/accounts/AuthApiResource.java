package dev.atelier.web.api.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RateLimitedException;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.AccountSuspendedException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.problem.Problems;
import dev.atelier.web.bots.BotChallenges;
import dev.atelier.web.bots.BotTokens;
import dev.atelier.web.bots.FailedSignIns;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Session sign-in and sign-out over JSON ({@code /api/v1/auth}), for a tenant's own front end. Scripts should use a
 * personal API token instead. JSON bodies cannot be sent cross-site without CORS, which this API does not grant.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthApiResource {

    /**
     * @param botToken the bot challenge's token; required once sign-ins to the account or from the address failed a
     *     few times, when the tenant binds bot protection
     */
    public record Credentials(String email, String password, String botToken) {}

    /** The session cookie is set on the response; this is the CSRF token to send with changes. */
    public record SignedIn(String accountId, String csrfToken) {}

    private final AccountFlows flows;
    private final BotChallenges bots;

    @Inject
    public AuthApiResource(AccountFlows flows, BotChallenges bots) {
        this.flows = flows;
        this.bots = bots;
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(Credentials credentials, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        String email = credentials == null ? null : credentials.email();
        try {
            flows.throttle().signIn(tenant, request, email);
        } catch (RateLimitedException e) {
            Response limited = Problems.response(429, "Too Many Requests",
                    "Too many sign-in attempts. Try again in " + e.retryAfterSeconds() + " seconds.");
            limited.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
            return limited;
        }
        FailedSignIns failures = bots.failedSignIns();
        boolean protectedTenant = bots.protects(tenant);
        if (protectedTenant && failures.challengeDue(tenant.id(), request.getRemoteAddr(), email)) {
            BotTokens.require(bots.check(tenant, request, BotChallenges.SIGNIN,
                    credentials == null ? null : credentials.botToken()));
        }
        Optional<Account> account;
        try {
            account = flows.services().accounts().signIn(tenant.id(), email,
                    credentials == null ? null : credentials.password());
        } catch (AccountSuspendedException e) {
            return Problems.response(403, "Account suspended",
                    "This account is suspended by the site's admins. Write to " + tenant.supportEmail() + ".");
        }
        if (account.isEmpty()) {
            if (protectedTenant) {
                failures.failed(tenant.id(), request.getRemoteAddr(), email);
            }
            return Problems.response(401, "Unauthorized", "That email and password don't match an account.");
        }
        failures.succeeded(tenant.id(), email);
        NewCookie cookie = flows.signIns().start(request, tenant, account.get());
        String sessionId = flows.services().sessions().resolve(tenant.id(), cookie.getValue()).orElseThrow().id();
        return Response.ok(new SignedIn(account.get().id(), flows.csrf().forSession(tenant.id(), sessionId)))
                .header("Cache-Control", "no-store").cookie(cookie).build();
    }

    @POST
    @Path("signout")
    public Response signOut(@Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        return Response.noContent().cookie(flows.signIns().end(request, tenant)).build();
    }
}
