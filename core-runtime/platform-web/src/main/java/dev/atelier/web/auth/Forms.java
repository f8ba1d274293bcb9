package dev.atelier.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/** Small helpers shared by the account forms. */
final class Forms {

    private Forms() {}

    /** The answer to a form post whose CSRF token is missing or wrong: 403, nothing changed. */
    static Response expired(AuthPages pages, HttpServletRequest request) {
        return pages.error(request, 403, "This form has expired",
                "For your security this form can no longer be sent. Go back, reload the page and try again.");
    }

    /** A submitted value to show again: trimmed and cut to a sane length (the real checks happen in the core). */
    static String trimmed(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
