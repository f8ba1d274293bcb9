package dev.atelier.web.auth;

import dev.atelier.core.ratelimit.Decision;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The rate limits of abuse-prone account actions: per client address and per account (by email), each counted per
 * tenant. Both buckets are charged before the work is done, so a refused attempt costs no password hashing.
 */
public final class Throttle {

    private final RateLimiter limiter;

    public Throttle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    public void signIn(Tenant tenant, HttpServletRequest request, String email) {
        check(RateLimits.SIGNIN_IP, tenant.id() + ":" + request.getRemoteAddr());
        check(RateLimits.SIGNIN_ACCOUNT, tenant.id() + ":" + emailKey(email));
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
