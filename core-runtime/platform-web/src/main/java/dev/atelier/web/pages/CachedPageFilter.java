package dev.atelier.web.pages;

import dev.atelier.web.tenant.DeployedPlugins;
import dev.atelier.web.tenant.Hosts;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.web.auth.Cookies;
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
 * Answers a plain GET for a page that was rendered moments ago straight from the {@link PageCache}, before the
 * request reaches Jersey — the landing page of a busy tenant costs a map lookup. Everything else (a miss, another
 * method, a query string, a session cookie, an unknown or suspended tenant) goes on to Jersey unchanged, which renders
 * and caches what a signed-out visitor sees.
 *
 * @param tenants finds the tenant of the request's host
 * @param cache the pages rendered lately
 * @param plugins the deployed models a cached page was rendered with
 */
public record CachedPageFilter(TenantDirectory tenants, PageCache cache, DeployedPlugins plugins) implements Filter {

    private static final String HTML = "text/html; charset=utf-8";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        byte[] html = cached((HttpServletRequest) req);
        if (html == null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(200);
        response.setContentType(HTML);
        response.setContentLength(html.length);
        response.setHeader("X-Request-Id", "req_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        response.getOutputStream().write(html);
    }

    // A signed-in user's pages show their name and menu; Jersey renders those. A stale cookie is dropped there too.
    private static boolean hasSession(HttpServletRequest request) {
        return Cookies.value(request, Cookies.SESSION).isPresent()
                || request.getHeader("Authorization") != null;
    }

    private byte[] cached(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null || hasSession(request)) {
            return null;
        }
        Optional<Tenant> tenant = tenants.byHost(Hosts.normalize(request.getHeader("Host")));
        if (tenant.isEmpty() || !tenant.get().isActive()) {
            return null;
        }
        return cache.find(PageCache.key(tenant.get(), request.getRequestURI(), plugins.models().list()));
    }
}
