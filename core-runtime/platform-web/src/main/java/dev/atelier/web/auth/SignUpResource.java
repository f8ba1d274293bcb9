package dev.atelier.web.auth;

import dev.atelier.accounts.EmailTakenException;
import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.accounts.SignUp;
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
 * {@code /signup}: creates the account, records the accepted terms, queues the welcome and verification emails and
 * signs the new user in. An email that already has an account gets the same "check your inbox" answer (its owner is
 * mailed a password reset link instead), so the form does not tell strangers who is registered.
 */
@Path("/signup")
@Produces("text/html; charset=utf-8")
public final class SignUpResource {

    private final AccountServices services;
    private final AuthPages pages;
    private final CsrfTokens csrf;
    private final SignIns signIns;
    private final Throttle throttle;
    private final AccountMail mail;
    private final Links links;
    private final NewAccounts newAccounts;

    @Inject
    public SignUpResource(AccountServices services, AuthPages pages, CsrfTokens csrf, SignIns signIns,
            Throttle throttle, AccountMail mail, Links links, NewAccounts newAccounts) {
        this.newAccounts = newAccounts;
        this.services = services;
        this.pages = pages;
        this.csrf = csrf;
        this.signIns = signIns;
        this.throttle = throttle;
        this.mail = mail;
        this.links = links;
    }

    @GET
    public Response form(@QueryParam("next") String next, @Context HttpServletRequest request) {
        if (RequestAuth.viewer(request).isPresent()) {
            return AuthPages.redirect(NextPath.of(next, "/create"));
        }
        return page(request, AuthPages.values("displayName", "", "email", "", "terms", ""), Map.of(), next, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@FormParam("displayName") String displayName, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("terms") String terms, @FormParam("next") String next,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        if (!csrf.valid(request, token)) {
            return pages.formExpired(request);
        }
        Tenant tenant = AuthPages.tenant(request);
        Map<String, Object> values = AuthPages.values("displayName", Forms.trimmed(displayName, 200),
                "email", Forms.trimmed(email, 254), "terms", "yes".equals(terms) ? "yes" : "");
        if (!"yes".equals(terms)) {
            return page(request, values, Map.of("terms", "Please accept the terms to create an account."), next, 422);
        }
        try {
            throttle.signUp(tenant, request);
        } catch (RateLimitedException e) {
            return pages.rateLimited(request, e);
        }
        SignUp signUp;
        try {
            signUp = services.accounts().signUp(tenant.id(), email, password, nameOrEmailLocalPart(displayName, email));
        } catch (InvalidAccountInputException e) {
            return page(request, values, Map.of(e.field(), e.getMessage()), next, 422);
        } catch (EmailTakenException e) {
            remindOwner(tenant, request, email);
            return pages.form(request, "signup-done.ftlh", "Check your inbox", Map.of(), Map.of(), 200,
                    Map.of("sentTo", Forms.trimmed(email, 254)));
        }
        String version = tenant.updatedAt().toString();
        services.consents().record(tenant.id(), signUp.account().id(), "terms", version);
        services.consents().record(tenant.id(), signUp.account().id(), "privacy", version);
        mail.welcome(tenant, signUp.account());
        newAccounts.created(tenant, signUp.account());
        mail.verifyEmail(tenant, signUp.account(),
                links.forMail(tenant, request, "/verify?token=" + signUp.verificationToken()),
                Tokens.key(signUp.verificationToken()));
        return signIns.redirect(request, tenant, signUp.account(), "/signup/done");
    }

    @GET
    @Path("done")
    public Response done(@Context HttpServletRequest request) {
        Optional<Viewer> viewer = RequestAuth.viewer(request);
        if (viewer.isEmpty()) {
            return AuthPages.redirect("/signin");
        }
        return pages.form(request, "signup-done.ftlh", "Check your inbox", Map.of(), Map.of(), 200,
                Map.of("sentTo", viewer.get().account().email()));
    }

    // The owner of an existing account learns someone (likely they) tried to sign up, and gets a way back in.
    private void remindOwner(Tenant tenant, HttpServletRequest request, String email) {
        try {
            throttle.reset(tenant, request, email);
        } catch (RateLimitedException e) {
            return;
        }
        services.accounts().requestPasswordReset(tenant.id(), email).ifPresent(resetToken ->
                services.accounts().findByEmail(tenant.id(), email).ifPresent(account -> mail.passwordReset(tenant,
                        account, links.forMail(tenant, request, "/reset/confirm?token=" + resetToken),
                        Tokens.key(resetToken))));
    }

    // The name is optional on the form: greet people by the first part of their email until they set one.
    private static String nameOrEmailLocalPart(String displayName, String email) {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        String local = email == null ? "" : email.strip();
        int at = local.indexOf('@');
        return at > 0 ? local.substring(0, at) : local;
    }

    private Response page(HttpServletRequest request, Map<String, Object> values, Map<String, String> errors,
            String next, int status) {
        return pages.form(request, "signup.ftlh", "Sign up", values, errors, status,
                Map.of("next", NextPath.of(next, "")));
    }
}
