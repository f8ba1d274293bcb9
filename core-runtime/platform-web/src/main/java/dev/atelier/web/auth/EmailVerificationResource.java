package dev.atelier.web.auth;

import dev.atelier.core.accounts.Account;
import dev.atelier.core.accounts.EmailChange;
import dev.atelier.core.accounts.EmailTakenException;
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

/** The mailed links that prove an address: {@code /verify} after sign-up, {@code /account/email/confirm} after a change. */
@Path("/")
@Produces("text/html; charset=utf-8")
public final class EmailVerificationResource {

    private final AccountServices services;
    private final AuthPages pages;
    private final CsrfTokens csrf;
    private final AccountMail mail;
    private final Links links;
    private final SignIns signIns;

    @Inject
    public EmailVerificationResource(AccountServices services, AuthPages pages, CsrfTokens csrf, AccountMail mail,
            Links links, SignIns signIns) {
        this.services = services;
        this.signIns = signIns;
        this.pages = pages;
        this.csrf = csrf;
        this.mail = mail;
        this.links = links;
    }

    @GET
    @Path("verify")
    public Response verify(@QueryParam("token") String token, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        Optional<Account> verified = token == null || token.length() > 200 ? Optional.empty()
                : services.accounts().verifyEmail(tenant.id(), token);
        // A confirmed email is a privilege change (it can make the account an admin): renew the session id.
        boolean ownSession = verified.isPresent() && RequestAuth.viewer(request)
                .filter(v -> v.account().id().equals(verified.get().id())).isPresent();
        Optional<jakarta.ws.rs.core.NewCookie> renewed = ownSession ? signIns.rotate(request, tenant) : Optional.empty();
        Response page = pages.form(request, "verify.ftlh", "Confirm your email", Map.of(), Map.of(),
                verified.isPresent() ? 200 : 410, Map.of("verified", verified.isPresent()));
        renewed.ifPresent(cookie -> page.getHeaders().add("Set-Cookie", cookie));
        return page;
    }

    @POST
    @Path("account/verify/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        if (!csrf.valid(request, token)) {
            return Forms.expired(pages, request);
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
                mail.verifyEmail(tenant, account, links.absolute(request, "/verify?token=" + verification),
                        Tokens.key(verification)));
        return AuthPages.redirect("/account?done=verify-sent");
    }

    @GET
    @Path("account/email/confirm")
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
        new Throttle(services.rateLimiter()).reset(tenant, request, account.email());
    }
}
