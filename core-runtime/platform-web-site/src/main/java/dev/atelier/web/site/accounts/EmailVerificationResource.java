package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;

import dev.atelier.accounts.Account;
import dev.atelier.core.tenants.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * The mailed link that proves an address after sign-up: {@code /verify}. Sending it again and confirming a changed
 * email are in {@link AccountEmailResource}.
 */
@Path("/verify")
@Produces("text/html; charset=utf-8")
public final class EmailVerificationResource {

    private final AccountFlows flows;

    @Inject
    public EmailVerificationResource(AccountFlows flows) {
        this.flows = flows;
    }

    @GET
    public Response verify(@QueryParam("token") String token, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        // The browser that follows the link keeps its session if it is signed in to that account; others end.
        String ownSessionId = RequestAuth.viewer(request).filter(v -> !v.viaApiToken()).map(v -> v.session().id())
                .orElse(null);
        Optional<Account> verified = token == null || token.length() > 200 ? Optional.empty()
                : flows.services().accounts().verifyEmail(tenant.id(), token, ownSessionId);
        // A confirmed email is a privilege change (it can make the account an admin): renew the session id.
        boolean ownSession = verified.isPresent() && RequestAuth.viewer(request)
                .filter(v -> v.account().id().equals(verified.get().id())).isPresent();
        Optional<jakarta.ws.rs.core.NewCookie> renewed = ownSession ? flows.signIns().rotate(request, tenant)
                : Optional.empty();
        Response page = flows.pages().form(request, "verify.ftlh", "Confirm your email", Map.of(), Map.of(),
                verified.isPresent() ? 200 : 410, Map.of("verified", verified.isPresent()));
        renewed.ifPresent(cookie -> page.getHeaders().add("Set-Cookie", cookie));
        return page;
    }
}
