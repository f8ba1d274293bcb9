package dev.atelier.web.auth;

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

    private final AccountServices services;
    private final AuthPages pages;
    private final CsrfTokens csrf;
    private final AccountMail mail;
    private final Links links;
    private final Throttle throttle;

    @Inject
    public AccountEmailResource(AccountServices services, AuthPages pages, CsrfTokens csrf, AccountMail mail,
            Links links, Throttle throttle) {
        this.services = services;
        this.throttle = throttle;
        this.pages = pages;
        this.csrf = csrf;
        this.mail = mail;
        this.links = links;
    }

    @POST
    @Path("verify/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        if (!csrf.valid(request, token)) {
            return pages.formExpired(request);
        }
        Optional<Viewer> viewer = RequestAuth.viewer(request);
        if (viewer.isEmpty()) {
            return AuthPages.toSignIn(request);
        }
        Tenant tenant = AuthPages.tenant(request);
        Account account = viewer.get().account();
        try {
            throttle(tenant, request, account);
        } catch (RateLimitedException e) {
            return pages.rateLimited(request, e);
        }
        services.accounts().requestVerification(tenant.id(), account.id()).ifPresent(verification ->
                mail.verifyEmail(tenant, account, links.forMail(tenant, request, "/verify?token=" + verification),
                        Tokens.key(verification)));
        return AuthPages.redirect("/account?done=verify-sent");
    }

    @GET
    @Path("email/confirm")
    public Response confirmChange(@QueryParam("token") String token, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        Optional<EmailChange> change;
        try {
            change = token == null || token.length() > 200 ? Optional.empty()
                    : services.accounts().confirmEmailChange(tenant.id(), token);
        } catch (EmailTakenException e) {
            change = Optional.empty();
        }
        change.ifPresent(c -> mail.emailChanged(tenant, c.account(), c.previousEmail()));
        return pages.form(request, "email-confirmed.ftlh", "Confirm your new email", Map.of(), Map.of(),
                change.isPresent() ? 200 : 410, Map.of("confirmed", change.isPresent(),
                        "email", change.map(c -> c.account().email()).orElse("")));
    }

    // Resending shares the reset allowance: both send mail to an address on request.
    private void throttle(Tenant tenant, HttpServletRequest request, Account account) {
        throttle.reset(tenant, request, account.email());
    }
}
