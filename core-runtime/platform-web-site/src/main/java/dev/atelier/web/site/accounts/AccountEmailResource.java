package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.EmailChange;
import dev.atelier.accounts.EmailTakenException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/verify/resend} (a new confirmation link) and {@code /account/email/confirm} (the link that confirms a
 * changed email). Under {@code /account} like {@link AccountResource}: JAX-RS picks the root resource by its longest
 * literal path first, so under {@code /} these would be shadowed by the account pages.
 */
@Path("/account")
@Produces("text/html; charset=utf-8")
public final class AccountEmailResource {

    private final AccountFlows flows;

    @Inject
    public AccountEmailResource(AccountFlows flows) {
        this.flows = flows;
    }

    @POST
    @Path("verify/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return flows.post(request, token, () -> {
            Optional<Viewer> viewer = RequestAuth.viewer(request);
            if (viewer.isEmpty()) {
                return AuthPages.toSignIn(request);
            }
            Tenant tenant = AuthPages.tenant(request);
            Account account = viewer.get().account();
            // Resending shares the reset allowance: both send mail to an address on request.
            flows.throttle().reset(tenant, request, account.email());
            flows.services().accounts().requestVerification(tenant.id(), account.id()).ifPresent(verification ->
                    flows.mailVerification(tenant, request, account, verification));
            return AuthPages.redirect("/account?done=verify-sent");
        });
    }

    @GET
    @Path("email/confirm")
    public Response confirmChange(@QueryParam("token") String token, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        Optional<EmailChange> change;
        try {
            change = token == null || token.length() > 200 ? Optional.empty()
                    : flows.services().accounts().confirmEmailChange(tenant.id(), token);
        } catch (EmailTakenException e) {
            change = Optional.empty();
        }
        change.ifPresent(c -> flows.mail().emailChanged(tenant, c.account(), c.previousEmail()));
        return flows.pages().form(request, "email-confirmed.ftlh", "Confirm your new email", Map.of(), Map.of(),
                change.isPresent() ? 200 : 410, Map.of("confirmed", change.isPresent(),
                        "email", change.map(c -> c.account().email()).orElse("")));
    }

}
