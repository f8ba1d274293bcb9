package dev.atelier.web.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
    private static final String POLICY = ContentSecurityPolicy.strict().toString();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // The decoded, normalized path routing uses (no matrix parameters, no doubled slashes).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        forPath(path).forEach(response::setHeader);
        chain.doFilter(req, res);
    }

    /**
     * The headers for a response to {@code path} (decoded, as routing sees it), for anything that answers outside
     * the servlet filters, such as the web server's own error responses.
     */
    public static Map<String, String> forPath(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ContentSecurityPolicy.HEADER, POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", carriesToken(path) ? "no-referrer" : "strict-origin-when-cross-origin");
        return headers;
    }

    // Compared in lower case and without a trailing slash, like a case-insensitive probe would send it.
    private static boolean carriesToken(String path) {
        String normalized = path == null ? "" : path.toLowerCase(Locale.ROOT);
        while (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return TOKEN_PATHS.contains(normalized);
    }
}
