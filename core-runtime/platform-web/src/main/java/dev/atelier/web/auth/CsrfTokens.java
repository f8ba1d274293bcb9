package dev.atelier.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF tokens for forms and the JSON API. A signed-in user's token is a keyed hash of the session id, so it needs no
 * storage and dies with the session; a signed-out visitor's (sign-in, sign-up, reset forms) is bound the same way to
 * the random {@link Cookies#CSRF} cookie. Either way another site can neither read nor forge it, and the tenant's id
 * is part of what is hashed, so a token one tenant's site handed out is refused by every other. A request
 * authenticated with a personal API token has no form token at all: pages and forms belong to browser sessions, and
 * falling back to the visitor cookie would let the caller choose the token it is checked against.
 */
public final class CsrfTokens {

    /** The form field carrying the token. */
    public static final String FIELD = "csrf";
    /** The request header carrying the token for JSON requests authenticated by the session cookie. */
    public static final String HEADER = "X-CSRF-Token";

    private static final String NEW_COOKIE = "atelier.csrf.new-cookie";

    private final SecretBox keys;
    private final SecureRandom random = new SecureRandom();
    /**
     * The tokens of sessions seen lately: every page of a signed-in user carries one, and two keyed hashes per page
     * cost more than the rest of a page kept for them. A token never changes while the secrets key stays.
     */
    private final Cache<SessionKey, String> sessionTokens = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private record SessionKey(String tenantId, String sessionId) {}

    public CsrfTokens(SecretBox keys) {
        this.keys = keys;
    }

    /** The token of a signed-in session of the tenant {@code tenantId}. */
    public String forSession(String tenantId, String sessionId) {
        return sessionTokens.get(new SessionKey(tenantId, sessionId), key -> token("session", tenantId, sessionId));
    }

    /** The token bound to a signed-out visitor's {@link Cookies#CSRF} value on the tenant {@code tenantId}. */
    public String forVisitor(String tenantId, String csrfCookie) {
        return token("visitor", tenantId, csrfCookie);
    }

    /** A fresh random value for the {@link Cookies#CSRF} cookie. */
    public String newVisitorCookie() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token to put into the forms of the page answering {@code request}. A signed-out visitor without a
     * {@link Cookies#CSRF} cookie gets a new one, set on the response by {@link AuthenticationFilter}.
     */
    public String tokenFor(HttpServletRequest request) {
        Optional<String> expected = expected(request);
        if (expected.isPresent()) {
            return expected.get();
        }
        String cookie = request.getAttribute(NEW_COOKIE) instanceof String value ? value : newVisitorCookie();
        request.setAttribute(NEW_COOKIE, cookie);
        return forVisitor(RequestTenant.of(request).map(Tenant::id).orElse(""), cookie);
    }

    /** The {@link Cookies#CSRF} value {@link #tokenFor} made up for this request, if it had to. */
    static Optional<String> newCookie(HttpServletRequest request) {
        return request.getAttribute(NEW_COOKIE) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /**
     * The token the request's forms must carry, if the request has what a token is bound to: its session, or for a
     * signed-out visitor the {@link Cookies#CSRF} cookie. Empty for a request with an API token.
     */
    public Optional<String> expected(HttpServletRequest request) {
        return binding(request).map(bound -> "session".equals(bound.kind())
                ? forSession(bound.tenantId(), bound.value()) : token(bound.kind(), bound.tenantId(), bound.value()));
    }

    /**
     * Whether {@code presented} is the token this request must carry; compared in constant time. A token made under a
     * previous secrets key ({@code atelier.secrets.previous-keys}) still counts, so a key rotation expires no open form.
     */
    public boolean valid(HttpServletRequest request, String presented) {
        return binding(request).map(bound -> keys.fingerprintMatches(presented, bound.value(),
                context(bound.kind(), bound.tenantId()))).orElse(false);
    }

    // What a request's token is bound to: its session, or a signed-out visitor's cookie; nothing for an API token.
    private Optional<Binding> binding(HttpServletRequest request) {
        String tenantId = RequestTenant.of(request).map(Tenant::id).orElse("");
        Optional<Viewer> viewer = RequestAuth.viewer(request);
        if (viewer.isPresent()) {
            return viewer.get().viaApiToken() ? Optional.empty()
                    : Optional.of(new Binding("session", tenantId, viewer.get().session().id()));
        }
        return Cookies.value(request, Cookies.CSRF).map(cookie -> new Binding("visitor", tenantId, cookie));
    }

    private record Binding(String kind, String tenantId, String value) {}

    private String token(String kind, String tenantId, String value) {
        // An HMAC under a key derived from the secrets key, the tenant in its context; hex suits forms and headers.
        return keys.fingerprint(value, context(kind, tenantId));
    }

    private static String context(String kind, String tenantId) {
        return "csrf:" + kind + ":" + tenantId;
    }
}
