package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.Cookies;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.Forms;
import dev.atelier.web.auth.RateLimitedException;
import dev.atelier.web.auth.Throttle;
import dev.atelier.web.auth.TokenRules;
import dev.atelier.web.auth.Tokens;
import dev.atelier.web.auth.Viewer;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.EmailNotVerifiedException;
import dev.atelier.accounts.EmailTakenException;
import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.accounts.NewApiToken;
import dev.atelier.accounts.PersonalData;
import dev.atelier.accounts.SignInTooOldException;
import dev.atelier.core.tenants.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code /account}: profile, email, password, sessions, API tokens, data export and deletion, for the signed-in user.
 * Every change is a form post carrying the CSRF token; changes that could lock the owner out (email, deletion) ask for
 * the password again, or for a fresh Google sign-in on accounts without a password.
 */
@Path("/account")
@Produces("text/html; charset=utf-8")
public final class AccountResource {

    /** How recent a Google sign-in must be to count as re-authentication. */
    static final Duration FRESH_SIGN_IN = Duration.ofMinutes(10);

    private final AccountFlows flows;
    private final AccountServices services;
    private final AccountPageModel model;

    @Inject
    public AccountResource(AccountFlows flows) {
        this.flows = flows;
        this.services = flows.services();
        this.model = new AccountPageModel(flows.services());
    }

    @GET
    public Response page(@Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> page(request, viewer, Map.of(), Map.of(), null, 200));
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response profile(@FormParam("displayName") String displayName, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return change(request, token, viewer -> {
            try {
                services.accounts().updateDisplayName(tenant(request).id(), viewer.account().id(), displayName);
                return AuthPages.redirect("/account?done=profile");
            } catch (InvalidAccountInputException e) {
                return page(request, viewer, Map.of("displayName", Forms.trimmed(displayName, 200)),
                        Map.of("section", "profile", "displayName", e.getMessage()), null, 422);
            }
        });
    }

    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response email(@FormParam("newEmail") String newEmail, @FormParam("currentPassword") String password,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return change(request, token, viewer -> {
            Map<String, Object> values = Map.of("newEmail", Forms.trimmed(newEmail, 254));
            Optional<Map<String, String>> refused = reauthenticate(request, viewer, password, "email");
            if (refused.isPresent()) {
                return page(request, viewer, values, refused.get(), null, 403);
            }
            Tenant tenant = tenant(request);
            flows.throttle().emailChange(tenant, viewer.account().id());
            try {
                Optional<String> change = services.accounts().requestEmailChange(tenant.id(), viewer.account().id(),
                        newEmail);
                change.ifPresent(t -> flows.mail().confirmNewEmail(tenant, viewer.account(),
                        dev.atelier.accounts.EmailAddress.normalize(newEmail),
                        flows.links().forMail(tenant, request, "/account/email/confirm?token=" + t), Tokens.key(t)));
                return AuthPages.redirect("/account?done=email-sent");
            } catch (InvalidAccountInputException e) {
                return page(request, viewer, values, Map.of("section", "email", "newEmail", e.getMessage()), null,
                        422);
            } catch (EmailTakenException e) {
                // Saying "taken" would reveal that someone has an account here; the link simply never comes.
                return AuthPages.redirect("/account?done=email-sent");
            }
        });
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@FormParam("currentPassword") String current, @FormParam("newPassword") String next,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return change(request, token, viewer -> {
            Tenant tenant = tenant(request);
            flows.throttle().reauthenticate(tenant, viewer.account().id());
            try {
                if (!services.accounts().changePassword(tenant.id(), viewer.account().id(), current, next)) {
                    return page(request, viewer, Map.of(), Map.of("section", "password", "currentPassword",
                            "That is not your current password."), null, 403);
                }
            } catch (InvalidAccountInputException e) {
                return page(request, viewer, Map.of(), Map.of("section", "password", "newPassword", e.getMessage()),
                        null, 422);
            }
            // A changed password ends every other session (whoever knew the old one is out) and renews this one's id.
            services.sessions().revokeOthers(tenant.id(), viewer.sessionCookie());
            Response done = AuthPages.redirect("/account?done=password");
            flows.signIns().rotate(request, tenant).ifPresent(cookie -> done.getHeaders().add("Set-Cookie", cookie));
            return done;
        });
    }

    @POST
    @Path("sessions/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeSession(@PathParam("id") String sessionId, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return revoke(request, token, "session", "session-revoked",
                viewer -> services.sessions().revoke(tenant(request).id(), viewer.account().id(), sessionId));
    }

    @POST
    @Path("sessions/revoke-others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeOthers(@FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return change(request, token, viewer -> {
            services.sessions().revokeOthers(tenant(request).id(), viewer.sessionCookie());
            return AuthPages.redirect("/account?done=others-revoked");
        });
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@FormParam("tokenName") String name, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return change(request, token, viewer -> {
            Map<String, Object> values = Map.of("tokenName", Forms.trimmed(name, 200));
            try {
                NewApiToken created = services.apiTokens().createInSession(tenant(request).id(), viewer.session(),
                        name);
                // Shown in this response only: nothing can show it again.
                return page(request, viewer, Map.of(), Map.of(), created.token(), 200);
            } catch (InvalidAccountInputException e) {
                return page(request, viewer, values, Map.of("section", "tokens", "tokenName", e.getMessage()), null,
                        422);
            } catch (EmailNotVerifiedException e) {
                return page(request, viewer, values, Map.of("section", "tokens", "form",
                        TokenRules.CONFIRM_EMAIL_FIRST), null, 403);
            } catch (SignInTooOldException e) {
                return page(request, viewer, values, Map.of("section", "tokens", "signInAgain",
                        TokenRules.signInAgain(e)), null, 403);
            }
        });
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") String tokenId, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return revoke(request, token, "API token", "token-revoked",
                viewer -> services.apiTokens().revoke(tenant(request).id(), viewer.account().id(), tokenId));
    }

    /** Ends one of the viewer's sessions or API tokens; {@code revoked} says whether the id was one of theirs. */
    private Response revoke(HttpServletRequest request, String token, String what, String done,
            Predicate<Viewer> revoked) {
        return change(request, token, viewer -> revoked.test(viewer) ? AuthPages.redirect("/account?done=" + done)
                : notYours(request, what));
    }

    // Another user's id, or one nobody has, is answered alike: saying "revoked" would be false, 403 would confirm it.
    private Response notYours(HttpServletRequest request, String what) {
        return flows.pages().error(request, 404, "Not found", "You have no " + what + " with this id. It may have ended"
                + " already; the account page lists the ones you have.");
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> {
            Tenant tenant = tenant(request);
            Optional<PersonalData.Export> data = services.personalData().export(tenant.id(), viewer.account().id());
            if (data.isEmpty()) {
                return AuthPages.toSignIn(request);
            }
            // Streamed as it is read: a long history is never held in memory whole.
            StreamingOutput json = data.get()::writeTo;
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + tenant.slug() + "-my-data.json\"")
                    .header("Cache-Control", "private, no-store").build();
        });
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@FormParam("currentPassword") String password, @FormParam("confirm") String confirm,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return change(request, token, viewer -> {
            if (!"DELETE".equals(confirm == null ? null : confirm.strip())) {
                return page(request, viewer, Map.of(), Map.of("section", "delete", "confirm",
                        "Type DELETE in capital letters to confirm."), null, 422);
            }
            Optional<Map<String, String>> refused = reauthenticate(request, viewer, password, "delete");
            if (refused.isPresent()) {
                return page(request, viewer, Map.of(), refused.get(), null, 403);
            }
            Tenant tenant = tenant(request);
            Optional<Account> deleted = services.personalData().erase(tenant.id(), viewer.account().id());
            deleted.ifPresent(account -> flows.mail().accountDeleted(tenant, account));
            return deletedPage(request);
        });
    }

    private Response deletedPage(HttpServletRequest request) {
        // The session went with the account: render as a signed-out visitor and drop the cookie.
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("user", null);
        Response page = flows.pages().form(request, "account-deleted.ftlh", "Account deleted", Map.of(), Map.of(), 200,
                extra);
        page.getHeaders().add("Set-Cookie", services.cookies().expired(Cookies.SESSION));
        return page;
    }

    /**
     * Empty when the viewer proved it is them; otherwise the errors to show in {@code section}.
     *
     * @throws RateLimitedException when the account typed its password too often lately
     */
    private Optional<Map<String, String>> reauthenticate(HttpServletRequest request, Viewer viewer, String password,
            String section) {
        Account account = viewer.account();
        if (account.hasPassword()) {
            flows.throttle().reauthenticate(tenant(request), account.id());
            return services.accounts().checkPassword(tenant(request).id(), account.id(), password) ? Optional.empty()
                    : Optional.of(Map.of("section", section, "currentPassword", "That is not your current password."));
        }
        boolean fresh = viewer.session() != null
                && viewer.session().createdAt().isAfter(Instant.now().minus(FRESH_SIGN_IN));
        return fresh ? Optional.empty() : Optional.of(Map.of("section", section, "reauth",
                "For your security, sign in with Google again, then repeat this within ten minutes."));
    }

    private Response page(HttpServletRequest request, Viewer viewer, Map<String, ?> values, Map<String, String> errors,
            String newToken, int status) {
        return flows.pages().form(request, "account.ftlh", "Account", values, errors, status,
                Map.of("account", model.of(tenant(request), viewer, newToken)));
    }

    private Response change(HttpServletRequest request, String token, Function<Viewer, Response> action) {
        // Password checks and mails of the action are throttled (Throttle); a throttled action changed nothing.
        return flows.signedInPost(request, token, action);
    }

    private static Tenant tenant(HttpServletRequest request) {
        return AuthPages.tenant(request);
    }
}
