package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.tenant.RequestTenant;
import dev.atelier.web.pages.PageRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Who may use the admin area: the signed-in admins of the request's tenant. */
final class AdminAccess {

    private AdminAccess() {}

    /**
     * Null when the request comes from an admin of its tenant; otherwise the answer to give instead: sign in for a
     * visitor, 403 for anyone else.
     */
    static Response refuse(PageRenderer pages, HttpServletRequest request) {
        Optional<Viewer> viewer = RequestAuth.viewer(request);
        // Pages take no API tokens: the admin area is for signed-in browsers.
        if (viewer.isEmpty() || viewer.get().viaApiToken()) {
            return AuthPages.toSignIn(request);
        }
        if (!viewer.get().admin() && !viewer.get().account().emailVerified()) {
            // Said to every unconfirmed account alike, so it tells nobody whether their address is an admin's.
            return pages.error(request, tenant(request), 403, "Confirm your email first",
                    "Admin rights come only with a confirmed email address. Open the link we sent to "
                            + viewer.get().account().email() + ", or ask for a new one above, then come back here.");
        }
        if (!viewer.get().admin()) {
            return pages.error(request, tenant(request), 403, "Admins only",
                    "This area is for the site's admins. Ask an admin of this site to add you.");
        }
        return null;
    }

    /** The answer to a form post whose CSRF token is missing or wrong. */
    static Response expired(PageRenderer pages, HttpServletRequest request) {
        return new AuthPages(pages).formExpired(request);
    }

    static Tenant tenant(HttpServletRequest request) {
        return RequestTenant.required(request);
    }
}
