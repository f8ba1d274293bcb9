package dev.atelier.web.http;

import java.util.Optional;

/** Renders an error page in the theme of the site a request was for, for errors the web server answers itself. */
@FunctionalInterface
public interface ErrorPages {

    /** For servers that host no sites: every page error is the plain page. */
    ErrorPages NONE = (host, path, status, title, detail) -> Optional.empty();

    /**
     * The HTML of the themed error page, or empty when {@code host} is no site's (or its page cannot be rendered).
     *
     * @param host the {@code Host} header as sent, possibly with a port or null
     * @param path the routed path (see {@link RoutePath})
     */
    Optional<String> render(String host, String path, int status, String title, String detail);
}
