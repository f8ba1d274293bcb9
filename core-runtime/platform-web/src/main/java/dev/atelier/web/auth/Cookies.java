package dev.atelier.web.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Optional;

/**
 * The cookies the platform sets. None has a {@code Domain} attribute, so each stays with the exact host that set it:
 * a tenant's session cookie is never sent to another tenant's host, nor to the operator host.
 */
public final class Cookies {

    /** The signed-in session (a random secret; the server keeps only its hash). */
    public static final String SESSION = "atelier_session";
    /** Random value the CSRF token of signed-out forms is bound to. */
    public static final String CSRF = "atelier_csrf";
    /** The pending Google sign-in (state, nonce, PKCE verifier), sealed; lives ten minutes. */
    public static final String OIDC = "atelier_oidc";
    /** The operator console's token. */
    public static final String OPERATOR = "atelier_operator";

    private final boolean secure;

    /** @param secure whether cookies get the {@code Secure} attribute ({@code atelier.http.secure-cookies}) */
    public Cookies(boolean secure) {
        this.secure = secure;
    }

    public boolean secure() {
        return secure;
    }

    /** A cookie readable only by the server (HttpOnly), sent on top-level navigation from other sites (Lax). */
    public NewCookie lax(String name, String value, Duration maxAge) {
        return build(name, value, maxAge, NewCookie.SameSite.LAX);
    }

    /** Like {@link #lax} but never sent on requests started by another site. */
    public NewCookie strict(String name, String value, Duration maxAge) {
        return build(name, value, maxAge, NewCookie.SameSite.STRICT);
    }

    /** Tells the browser to forget a cookie. */
    public NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie build(String name, String value, Duration maxAge, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge((int) maxAge.toSeconds()).httpOnly(true)
                .secure(secure).sameSite(sameSite).build();
    }

    /** The value of the named cookie of a request, if it has a non-empty one. */
    public static Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
