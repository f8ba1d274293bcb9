package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.Forms;
import dev.atelier.web.auth.NextPath;
import dev.atelier.web.auth.RateLimitedException;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.bots.BotChallenges;
import dev.atelier.web.bots.ChallengeCheck;

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
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private final AccountFlows flows;
    private final BotChallenges bots;

    @Inject
    public SignUpResource(AccountFlows flows, BotChallenges bots) {
        this.flows = flows;
        this.bots = bots;
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
            @FormParam(CsrfTokens.FIELD) String token, Form form, @Context HttpServletRequest request) {
        return flows.post(request, token, () -> {
            Tenant tenant = AuthPages.tenant(request);
            Map<String, Object> values = AuthPages.values("displayName", Forms.trimmed(displayName, 200),
                    "email", Forms.trimmed(email, 254), "terms", "yes".equals(terms) ? "yes" : "");
            if (!"yes".equals(terms)) {
                return page(request, values, Map.of("terms", "Please accept the terms to create an account."), next,
                        422);
            }
            flows.throttle().signUp(tenant, request);
            // After the throttle: a flood of posts never reaches the challenge's vendor.
            ChallengeCheck challenge = bots.check(tenant, request, BotChallenges.SIGNUP, form);
            if (!challenge.allowsAction()) {
                return page(request, values, Map.of("form", challenge.message()), next, challenge.status());
            }
            SignUp signUp;
            try {
                signUp = flows.services().accounts().signUp(tenant.id(), email, password,
                        nameOrEmailLocalPart(displayName, email));
            } catch (InvalidAccountInputException e) {
                return page(request, values, Map.of(e.field(), e.getMessage()), next, 422);
            } catch (EmailTakenException e) {
                remindOwner(tenant, request, email);
                return donePage(request, Forms.trimmed(email, 254));
            }
            flows.welcome(tenant, signUp.account(), request);
            flows.mailVerification(tenant, request, signUp.account(), signUp.verificationToken());
            // Where the visitor was going (a checkout, say) rides along, so the next page can send them on.
            String after = NextPath.of(next, "");
            return flows.signIns().redirect(request, tenant, signUp.account(), after.isEmpty() ? "/signup/done"
                    : "/signup/done?next=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        });
    }

    @GET
    @Path("done")
    public Response done(@QueryParam("next") String next, @Context HttpServletRequest request) {
        Optional<Viewer> viewer = RequestAuth.viewer(request);
        if (viewer.isEmpty()) {
            return AuthPages.redirect("/signin");
        }
        return flows.pages().form(request, "signup-done.ftlh", "Check your inbox", Map.of(), Map.of(), 200,
                Map.of("sentTo", viewer.get().account().email(), "next", NextPath.of(next, "")));
    }

    // The owner of an existing account learns someone (likely they) tried to sign up, and gets a way back in.
    private void remindOwner(Tenant tenant, HttpServletRequest request, String email) {
        try {
            flows.throttle().reset(tenant, request, email);
        } catch (RateLimitedException e) {
            return;
        }
        flows.mailPasswordReset(tenant, request, email);
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
        return bots.render(AuthPages.tenant(request), BotChallenges.SIGNUP, Map.of("next", NextPath.of(next, "")),
                extra -> flows.pages().form(request, "signup.ftlh", "Sign up", values, errors, status, extra));
    }

    private Response donePage(HttpServletRequest request, String sentTo) {
        return flows.pages().form(request, "signup-done.ftlh", "Check your inbox", Map.of(), Map.of(), 200,
                Map.of("sentTo", sentTo));
    }
}
