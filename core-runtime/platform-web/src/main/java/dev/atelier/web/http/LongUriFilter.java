package dev.atelier.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses addresses (path and query) longer than {@link #MAX_URI_LENGTH} with 414. Jetty accepts request heads up to
 * {@link #MAX_HEAD_BYTES}, so the refusal comes from here, where the path is known and an API caller gets a problem
 * document; only heads longer still are refused by Jetty before their path is read.
 */
public final class LongUriFilter implements Filter {

    /** Longest address (path and query string) answered. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** Longest request line and headers Jetty reads. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) > MAX_URI_LENGTH) {
            ((HttpServletResponse) res).sendError(414);
            return;
        }
        chain.doFilter(req, res);
    }
}
