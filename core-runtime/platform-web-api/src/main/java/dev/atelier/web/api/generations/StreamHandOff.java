package dev.atelier.web.api.generations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A servlet filter in front of Jersey that lets the events resource take a progress stream's request out of Jersey:
 * the resource decides everything a request needs decided (tenant, identity, ownership, caps) as for any other, then
 * writes the stream itself, asynchronously, to the response this filter kept aside, while what Jersey goes on writing
 * is dropped ({@link DetachableResponse}). Only {@code GET}s whose path ends in {@code /events} are prepared so.
 */
public final class StreamHandOff extends HttpFilter {

    private static final String ATTRIBUTE = StreamHandOff.class.getName();

    /** What the resource takes over: the request to make asynchronous and the response to write to. */
    record Parts(HttpServletRequest request, DetachableResponse response) {}

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getPathInfo();
        if (!"GET".equals(request.getMethod()) || path == null || !path.endsWith("/events")) {
            chain.doFilter(request, response);
            return;
        }
        DetachableResponse detachable = new DetachableResponse(response);
        request.setAttribute(ATTRIBUTE, new Parts(request, detachable));
        chain.doFilter(request, detachable);
    }

    /** The parts this filter kept aside for {@code request}, if it passed through it. */
    static Optional<Parts> of(HttpServletRequest request) {
        return Optional.ofNullable((Parts) request.getAttribute(ATTRIBUTE));
    }
}
