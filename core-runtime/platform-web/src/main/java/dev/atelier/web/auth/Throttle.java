package dev.atelier.web.auth;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The rate limits of abuse-prone account actions and purchases: per client address and per account (by email or id),
 * each counted per tenant. Every bucket is charged before the work is done, so a refused attempt costs no password
 * hashing. A refusal is a {@link RateLimitedException} (429); a kind that fails closed while the shared counter is
 * unreachable throws {@link dev.atelier.core.ratelimit.RateLimiterUnavailableException} (503).
 */
public final class Throttle {

    private final RateLimiter limiter;

    public Throttle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * A password sign-in. Guesses at one email are capped per client address and, more loosely, from everywhere
     * together, so a guesser pauses their own address long before the owner's. The links that prove the email
     * (password reset, Google) are not counted here and sign the owner in whatever this says.
     */
    public void signIn(Tenant tenant, HttpServletRequest request, String email) {
        String account = emailKey(email);
        check(tenant, RateLimits.SIGNIN_IP, request.getRemoteAddr());
        check(tenant, RateLimits.SIGNIN_ACCOUNT_IP, request.getRemoteAddr() + ":" + account);
        check(tenant, RateLimits.SIGNIN_ACCOUNT, account);
    }

    /** A signed-in user typing the current password again (password change, email change, deletion). */
    public void reauthenticate(Tenant tenant, String accountId) {
        check(tenant, RateLimits.REAUTH_ACCOUNT, accountId);
    }

    /** A link mailed to a new address to confirm an email change. */
    public void emailChange(Tenant tenant, String accountId) {
        check(tenant, RateLimits.EMAIL_CHANGE_ACCOUNT, accountId);
    }

    public void signUp(Tenant tenant, HttpServletRequest request) {
        check(tenant, RateLimits.SIGNUP_IP, request.getRemoteAddr());
    }

    public void reset(Tenant tenant, HttpServletRequest request, String email) {
        check(tenant, RateLimits.RESET_IP, request.getRemoteAddr());
        check(tenant, RateLimits.RESET_ACCOUNT, emailKey(email));
    }

    /** A checkout (a plan or top-up purchase) started by a signed-in account. */
    public void checkout(Tenant tenant, String accountId) {
        check(tenant, RateLimits.CHECKOUT, accountId);
    }

    private void check(Tenant tenant, String kind, String key) {
        Decision decision = limiter.tryAcquire(tenant.id(), kind, key);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfter());
        }
    }

    // The form accounts are compared in (NFKC, lower case), so width or case variants of one email share a bucket.
    // Cut before normalizing: the key stays cheap next to the attempt it guards.
    private static String emailKey(String email) {
        String key = email == null ? "" : email.strip();
        key = key.length() > 4 * 254 ? key.substring(0, 4 * 254) : key;
        key = Normalizer.normalize(key, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? "(none)" : key.length() > 254 ? key.substring(0, 254) : key;
    }
}
