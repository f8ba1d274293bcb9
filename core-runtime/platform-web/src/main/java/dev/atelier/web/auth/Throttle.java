package dev.atelier.web.auth;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The rate limits of abuse-prone account actions: per client address and per account (by email or id), each counted
 * per tenant. Every bucket is charged before the work is done, so a refused attempt costs no password hashing.
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
        check(RateLimits.SIGNIN_IP, tenant.id() + ":" + request.getRemoteAddr());
        check(RateLimits.SIGNIN_ACCOUNT_IP, tenant.id() + ":" + request.getRemoteAddr() + ":" + account);
        check(RateLimits.SIGNIN_ACCOUNT, tenant.id() + ":" + account);
    }

    /** A signed-in user typing the current password again (password change, email change, deletion). */
    public void reauthenticate(Tenant tenant, String accountId) {
        check(RateLimits.REAUTH_ACCOUNT, tenant.id() + ":" + accountId);
    }

    /** A link mailed to a new address to confirm an email change. */
    public void emailChange(Tenant tenant, String accountId) {
        check(RateLimits.EMAIL_CHANGE_ACCOUNT, tenant.id() + ":" + accountId);
    }

    public void signUp(Tenant tenant, HttpServletRequest request) {
        check(RateLimits.SIGNUP_IP, tenant.id() + ":" + request.getRemoteAddr());
    }

    public void reset(Tenant tenant, HttpServletRequest request, String email) {
        check(RateLimits.RESET_IP, tenant.id() + ":" + request.getRemoteAddr());
        check(RateLimits.RESET_ACCOUNT, tenant.id() + ":" + emailKey(email));
    }

    private void check(String kind, String key) {
        Decision decision = limiter.tryAcquire(kind, key);
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
