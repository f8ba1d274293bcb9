package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.Acceptances;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the account flows (sign-in, sign-up, password reset, email verification and changes, the account page and its
 * JSON API, Google sign-in) work with, bound once for all of them, and the steps more than one flow takes; other
 * signed-in pages (the gallery) post their forms through it too.
 *
 * @param services the account services of the core
 * @param pages renders the account pages
 * @param csrf checks the token every form post carries
 * @param signIns starts, renews and ends sessions
 * @param throttle limits password checks and mails per address and account
 * @param mail queues the account emails
 * @param links builds the links put in those emails
 * @param newAccounts what else happens when an account is created
 * @param acceptances records the legal documents a new account accepted
 */
public record AccountFlows(AccountServices services, AuthPages pages, CsrfTokens csrf, SignIns signIns,
        Throttle throttle, AccountMail mail, Links links, NewAccounts newAccounts, Acceptances acceptances) {

    /**
     * Answers a form post: one whose CSRF token is missing or wrong gets the "form expired" page, one the
     * {@link Throttle} stops gets the "too many attempts" page. Nothing is changed in either case: an action asks
     * the throttle before it writes anything.
     */
    public Response post(HttpServletRequest request, String csrfToken, Supplier<Response> action) {
        if (!csrf.valid(request, csrfToken)) {
            return pages.formExpired(request);
        }
        try {
            return action.get();
        } catch (RateLimitedException e) {
            return pages.rateLimited(request, e);
        }
    }

    /** Like {@link #post}, for a signed-in user's page: a visitor is sent to sign in ({@link AuthPages#signedIn}). */
    public Response signedInPost(HttpServletRequest request, String csrfToken, Function<Viewer, Response> action) {
        return post(request, csrfToken, () -> AuthPages.signedIn(request, action));
    }

    /**
     * Records that a new account, signing up from {@code request}, accepted the current terms and privacy policy;
     * welcomes it and tells {@link NewAccounts}.
     */
    public void welcome(Tenant tenant, Account account, HttpServletRequest request) {
        // Before a document is published, the tenant's last change identifies the text the sign-up page linked to.
        acceptances.signedUp(tenant.id(), account.id(), request.getRemoteAddr(), tenant.updatedAt().toString());
        mail.welcome(tenant, account);
        newAccounts.created(tenant, account);
    }

    /** Mails the link that proves {@code account}'s address, carrying the verification token. */
    public void mailVerification(Tenant tenant, HttpServletRequest request, Account account, String verificationToken) {
        mail.verifyEmail(tenant, account, links.forMail(tenant, request, "/verify?token=" + verificationToken),
                Tokens.key(verificationToken));
    }

    /** Mails a password reset link if {@code email} has an account; says nothing either way. */
    public void mailPasswordReset(Tenant tenant, HttpServletRequest request, String email) {
        services.accounts().requestPasswordReset(tenant.id(), email).ifPresent(resetToken ->
                services.accounts().findByEmail(tenant.id(), email).ifPresent(account -> mail.passwordReset(tenant,
                        account, links.forMail(tenant, request, "/reset/confirm?token=" + resetToken),
                        Tokens.key(resetToken))));
    }
}
