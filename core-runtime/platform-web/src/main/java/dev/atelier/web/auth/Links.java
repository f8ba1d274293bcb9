package dev.atelier.web.auth;

import dev.atelier.core.tenants.Tenant;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Absolute links into a tenant's site. Links that leave the request (email) are built from the tenant's configuration,
 * never from the {@code Host} header: a client chooses that header, and any alias or port it names still reaches the
 * tenant, so a reset requested with a forged host would mail the victim a link to the forger's server.
 *
 * @param local the {@code local} profile: links go to {@code <slug>.<baseDomain>} (the host that reaches a developer's
 *     machine) on the port the server accepted the request on; otherwise to the tenant's canonical host over https,
 *     with no port
 * @param https on the local profile, whether links use https ({@code atelier.http.secure-cookies})
 * @param baseDomain {@code atelier.base-domain}
 */
public record Links(boolean local, boolean https, String baseDomain) {

    /** {@code scheme://host[:port]} + {@code path} for mail (path starts with {@code /}, query already encoded). */
    public String forMail(Tenant tenant, HttpServletRequest request, String path) {
        return forMail(tenant, request.getLocalPort(), path);
    }

    /** As {@link #forMail(Tenant, HttpServletRequest, String)}, for a request accepted on {@code localPort}. */
    public String forMail(Tenant tenant, int localPort, String path) {
        if (local) {
            return (https ? "https" : "http") + "://" + tenant.slug() + "." + baseDomain + ":" + localPort + path;
        }
        return "https://" + tenant.canonicalHost() + path;
    }

    /**
     * A link on the host the browser asked for, for a redirect that same browser follows at once (the OpenID
     * callback, which must come back to the host holding its cookie). A forged host only misleads the forger; never
     * use this for mail.
     */
    public String onRequestHost(HttpServletRequest request, String path) {
        String host = request.getHeader("Host");
        String scheme = https ? "https" : request.getScheme();
        return scheme + "://" + host + path;
    }
}
