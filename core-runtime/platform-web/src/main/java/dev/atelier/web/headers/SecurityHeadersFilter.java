package dev.atelier.web.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Puts the browser-side defences on every response before anything else answers (cached pages, pages, the API, error
 * pages): the {@link ContentSecurityPolicy}, no framing, no MIME sniffing, and a referrer policy that sends other
 * sites only the origin — and nothing at all from pages whose address holds a one-time token. A resource may replace
 * the policy with a widened one of its own.
 */
public final class SecurityHeadersFilter implements Filter {

    // Addresses that carry an emailed token or an OAuth code in their query: the full URL must not leave the page.
    private static final Set<String> TOKEN_PATHS = Set.of(
            "/verify", "/reset/confirm", "/account/email/confirm", "/signin/google/callback");

    private final String policy = ContentSecurityPolicy.strict().toString();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader(ContentSecurityPolicy.HEADER, policy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy",
                carriesToken(request) ? "no-referrer" : "strict-origin-when-cross-origin");
        chain.doFilter(req, res);
    }

    // The decoded, normalized path routing uses (no matrix parameters, no doubled slashes), in lower case like a
    // case-insensitive probe would send it.
    private static boolean carriesToken(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String normalized = path.toLowerCase(Locale.ROOT);
        while (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return TOKEN_PATHS.contains(normalized);
    }
}
