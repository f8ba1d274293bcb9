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
 * Refuses a request body over its address's {@link BodyLimits} with 413 before anyone reads it: by
 * {@code Content-Length} when sent, else (chunked bodies) by reading at most one byte past the limit. Multipart
 * bodies without a length are bounded while Jetty parses them (the servlet's multipart limit).
 */
public final class BodySizeFilter implements Filter {

    // Chunked bodies up to this size are held in memory to measure them; larger limits are left to the readers.
    private static final long MAX_BUFFERED = 1024 * 1024;

    private final BodyLimits limits;

    public BodySizeFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long length = request.getContentLengthLong();
        if (length <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(req, res); // no body (most requests: every GET): nothing to measure
            return;
        }
        long limit = limits.of(RoutePath.ofRaw(request.getRequestURI()), request.getContentType());
        if (length > limit) {
            refuse((HttpServletResponse) res);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null && limit <= MAX_BUFFERED
                && !isMultipart(request)) {
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse((HttpServletResponse) res);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), res);
            return;
        }
        chain.doFilter(req, res);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/");
    }

    // The rest of the body is not read: the connection is closed after the answer.
    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        response.sendError(413);
    }
}
