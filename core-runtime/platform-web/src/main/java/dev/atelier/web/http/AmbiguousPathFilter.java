package dev.atelier.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Refuses (400) request paths that different readers could take for different addresses: path parameters
 * ({@code ;x=1}), encoded slashes, backslashes and dots, empty segments ({@code //}) and dot segments ({@code /./},
 * {@code /../}). None of our addresses needs them, and refusing them means no check can see one path while routing
 * sees another.
 */
public final class AmbiguousPathFilter implements Filter {

    private static final Pattern AMBIGUOUS =
            Pattern.compile("(?i);|//|\\\\|%2f|%5c|%2e|%3b|%00|%25|(^|/)\\.{1,2}(/|$)");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (isAmbiguous(((HttpServletRequest) req).getRequestURI())) {
            ((HttpServletResponse) res).sendError(400, "The address is ambiguous.");
            return;
        }
        chain.doFilter(req, res);
    }

    /** Whether a raw (still encoded) request path has parts that readers could resolve differently. */
    static boolean isAmbiguous(String rawPath) {
        return rawPath == null || mayBeAmbiguous(rawPath) && AMBIGUOUS.matcher(rawPath).find();
    }

    // Every ambiguous form holds one of these characters or a dot after a slash; most paths hold none, and this runs
    // on every request, so the pattern is only tried on the few that do.
    private static boolean mayBeAmbiguous(String rawPath) {
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';' || c == '%' || c == '\\' || c == '/' && i + 1 < rawPath.length()
                    && (rawPath.charAt(i + 1) == '/' || rawPath.charAt(i + 1) == '.') || c == '.' && i == 0) {
                return true;
            }
        }
        return false;
    }
}
