package dev.atelier.web.auth;

import dev.atelier.accounts.SignedInUsers;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.tenant.Hosts;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers a signed-in user's plain GET of a page that signed-in users share (the landing page, pricing, legal pages)
 * before the request reaches Jersey, when a rendering of it for users like them was made moments ago: the session
 * comes from what {@link SignedInUsers} keeps and the user's texts are spliced into the kept rendering (see
 * {@link PageRenderer#keptPersonal}). Everything else (another method, a query string, an API token, a cookie naming
 * no active session here, an unknown or suspended tenant, a page not kept) goes on to Jersey unchanged, which decides
 * as it always did.
 *
 * @param tenants finds the tenant of the request's host
 * @param users the signed-in users, kept for a short while
 * @param pages the page renderer whose shared renderings are answered
 */
public record SignedInPageFilter(TenantDirectory tenants, SignedInUsers users, PageRenderer pages)
        implements Filter {

    private static final String HTML = "text/html; charset=utf-8";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        byte[] html;
        try {
            html = kept(request);
        } catch (RuntimeException e) {
            // The database is away (or anything else failed): Jersey decides and answers as it always does, with the
            // themed "temporarily unavailable" page for an outage, rather than the container's bare 500 from here.
            html = null;
        }
        if (html == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(200);
        response.setContentType(HTML);
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(html.length);
        response.setHeader("X-Request-Id", "req_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        response.getOutputStream().write(html);
    }

    private byte[] kept(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || request.getHeader("Authorization") != null) {
            return null;
        }
        Optional<String> cookie = Cookies.value(request, Cookies.SESSION);
        if (cookie.isEmpty()) {
            return null;
        }
        Optional<Tenant> tenant = tenants.byHost(Hosts.normalize(request.getHeader("Host")));
        if (tenant.isEmpty() || !tenant.get().isActive()) {
            return null;
        }
        Optional<SignedInUsers.SignedInUser> user = users.resolve(tenant.get().id(), cookie.get());
        if (user.isEmpty()) {
            return null;
        }
        // As the tenant and authentication filters leave them, so the page's data is what Jersey would give it.
        RequestTenant.set(request, tenant.get());
        RequestAuth.setViewer(request, new Viewer(user.get().account(), user.get().session(), cookie.get(),
                user.get().admin()));
        return pages.keptPersonal(request, tenant.get(), request.getRequestURI());
    }
}
