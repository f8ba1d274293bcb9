package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.NewSession;
import dev.atelier.accounts.Sessions;
import dev.atelier.core.tenants.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a signed-in session. The session a request came with (if any) is ended first and a new id is issued, so an id
 * planted before sign-in (session fixation) never becomes a signed-in one.
 */
public final class SignIns {

    private static final Logger LOG = LoggerFactory.getLogger(SignIns.class);

    private final Sessions sessions;
    private final Cookies cookies;

    public SignIns(Sessions sessions, Cookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** The session cookie of a new session for {@code account}; the request's previous session ends. */
    public NewCookie start(HttpServletRequest request, Tenant tenant, Account account) {
        Cookies.value(request, Cookies.SESSION).ifPresent(old -> sessions.revoke(tenant.id(), old));
        NewSession session = sessions.start(tenant.id(), account.id(), request.getHeader("User-Agent"),
                request.getRemoteAddr());
        LOG.info("Tenant {}: account {} signed in", tenant.slug(), account.id());
        Duration lifetime = Duration.between(Instant.now(), session.info().absoluteExpiresAt());
        return cookies.lax(Cookies.SESSION, session.cookieValue(), lifetime.isNegative() ? Duration.ZERO : lifetime);
    }

    /** Signs in and redirects (303) to {@code location}. */
    public Response redirect(HttpServletRequest request, Tenant tenant, Account account, String location) {
        return Response.seeOther(java.net.URI.create(location)).header("Cache-Control", "no-store")
                .cookie(start(request, tenant, account)).build();
    }

    /**
     * Replaces the request's session id with a new one (same account, same expiry) after a privilege change such as a
     * new password or a confirmed email, so an id observed before the change stops working.
     *
     * @return the new cookie, or empty when the request has no working session
     */
    public java.util.Optional<NewCookie> rotate(HttpServletRequest request, Tenant tenant) {
        java.util.Optional<Viewer> viewer = RequestAuth.viewer(request).filter(v -> v.sessionCookie() != null);
        java.util.Optional<NewSession> rotated = viewer.flatMap(v -> sessions.rotate(tenant.id(), v.sessionCookie()));
        // Pages rendered after this (and their CSRF tokens) belong to the new session.
        rotated.ifPresent(r -> RequestAuth.setViewer(request,
                new Viewer(viewer.get().account(), r.info(), r.cookieValue(), viewer.get().admin())));
        return rotated.map(r -> cookies.lax(Cookies.SESSION, r.cookieValue(),
                positive(Duration.between(Instant.now(), r.info().absoluteExpiresAt()))));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** Ends the request's session (if any) and tells the browser to drop the cookie. */
    public NewCookie end(HttpServletRequest request, Tenant tenant) {
        Cookies.value(request, Cookies.SESSION).ifPresent(value -> sessions.revoke(tenant.id(), value));
        return cookies.expired(Cookies.SESSION);
    }
}
