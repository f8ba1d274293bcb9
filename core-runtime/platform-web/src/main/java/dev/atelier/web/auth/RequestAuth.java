package dev.atelier.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Who {@link AuthenticationFilter} found a request to come from, kept as request attributes. */
public final class RequestAuth {

    static final String VIEWER = "atelier.viewer";
    static final String OPERATOR = "atelier.operator";

    private RequestAuth() {}

    /** The signed-in user of a tenant-host request, if any. */
    public static Optional<Viewer> viewer(HttpServletRequest request) {
        return request.getAttribute(VIEWER) instanceof Viewer viewer ? Optional.of(viewer) : Optional.empty();
    }

    /** The signed-in user of a JSON API request; 401 problem when there is none. */
    public static Viewer requireViewer(HttpServletRequest request) {
        return viewer(request).orElseThrow(() -> new dev.atelier.web.problem.ProblemException(401, "Unauthorized",
                "Sign in first, or send a personal API token: Authorization: Bearer atl_..."));
    }

    /** Whether an operator token (header or console cookie) came with the request. */
    public static boolean isOperator(HttpServletRequest request) {
        return request.getAttribute(OPERATOR) != null;
    }

    /** How the request proved it comes from an operator: {@code "bearer"}, {@code "cookie"}, or null. */
    public static String operatorAuthentication(HttpServletRequest request) {
        return request.getAttribute(OPERATOR) instanceof String how ? how : null;
    }

    static void setViewer(HttpServletRequest request, Viewer viewer) {
        request.setAttribute(VIEWER, viewer);
    }
}
