package dev.atelier.web.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Absolute links into the site a request came to, for email: the request's own host, https when cookies are Secure. */
public final class Links {

    private final boolean https;

    public Links(boolean https) {
        this.https = https;
    }

    /** {@code scheme://host[:port]} + {@code path} (path starts with {@code /}, query already encoded). */
    public String absolute(HttpServletRequest request, String path) {
        String host = request.getHeader("Host");
        String scheme = https ? "https" : request.getScheme();
        return scheme + "://" + host + path;
    }
}
