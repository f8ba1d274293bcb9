package dev.atelier.launcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A worker node's web server answers its orchestrator's health probes and nothing else: a request for a page or the
 * API that reached a worker by mistake (a load balancer pointed at it) gets a plain 404 naming no tenant, rather than
 * a site served by a node that is not meant to serve one.
 */
final class HealthOnlyFilter extends HttpFilter {

    private static final Set<String> ANSWERED = Set.of("/healthz", "/readyz");
    private static final byte[] NOT_HERE = "Not found: this node runs generation jobs only.\n"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (ANSWERED.contains(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(NOT_HERE.length);
        response.getOutputStream().write(NOT_HERE);
    }
}
