package dev.atelier.web.auth;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.RequestTenant;
import dev.atelier.web.pages.PageRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the account pages: private to the visitor, never cached, with the submitted values and field errors. */
public final class AuthPages {

    private final PageRenderer pages;

    public AuthPages(PageRenderer pages) {
        this.pages = pages;
    }

    /** A form page; {@code form} holds the values to show again (never passwords), {@code errors} field messages. */
    public Response form(HttpServletRequest request, String template, String title, Map<String, ?> form,
            Map<String, String> errors, int status, Map<String, ?> extra) {
        Tenant tenant = tenant(request);
        Map<String, Object> model = pages.model(request, tenant, request.getRequestURI(), title);
        model.put("form", form == null ? Map.of() : form);
        model.put("errors", errors == null ? Map.of() : errors);
        if (extra != null) {
            model.putAll(extra);
        }
        return pages.renderPrivate(tenant, template, model, status);
    }

    /** The answer to a form post whose CSRF token is missing or wrong: 403, nothing changed. */
    public Response formExpired(HttpServletRequest request) {
        return error(request, 403, "This form has expired",
                "For your security this form can no longer be sent. Go back, reload the page and try again.");
    }

    /**
     * The answer to a multipart form Jetty could not parse. Sizes are checked before a body is read, so this is a
     * malformed body (400) or one sent without a length that grew over the limit (413).
     */
    public Response unreadableForm(HttpServletRequest request) {
        return request.getContentLengthLong() < 0
                ? error(request, 413, "Too large", "The form is larger than this page accepts.")
                : error(request, 400, "The form could not be read", "Go back, reload the page and try again.");
    }

    /**
     * Runs {@code action} for the signed-in user of a page request; a visitor (or a script with an API token, which
     * pages do not take) is sent to sign in and back.
     */
    public static Response signedIn(HttpServletRequest request, java.util.function.Function<Viewer, Response> action) {
        java.util.Optional<Viewer> viewer = RequestAuth.viewer(request);
        if (viewer.isEmpty() || viewer.get().viaApiToken()) {
            return toSignIn(request);
        }
        return action.apply(viewer.get());
    }

    /** The "too many attempts" page, with {@code Retry-After}. */
    public Response rateLimited(HttpServletRequest request, RateLimitedException e) {
        long seconds = e.retryAfterSeconds();
        Response page = pages.error(request, tenant(request), 429, "Too many attempts",
                "For your security we paused this for a moment. Please try again in "
                        + (seconds < 90 ? seconds + " seconds." : (seconds + 59) / 60 + " minutes."));
        page.getHeaders().putSingle("Retry-After", Long.toString(seconds));
        return page;
    }

    /** An error page in the tenant's theme (403 for a refused CSRF token, for example). */
    public Response error(HttpServletRequest request, int status, String title, String detail) {
        return pages.error(request, tenant(request), status, title, detail);
    }

    /** 303 See Other, so a reload after a form does not post it again. */
    public static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", "no-store").build();
    }

    /** Sends a signed-out visitor to the sign-in page, coming back here afterwards. */
    public static Response toSignIn(HttpServletRequest request) {
        // The query too: a visitor sent to sign in from /billing/checkout?offer=creator comes back to that offer.
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        String back = request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        return redirect("/signin?next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Tenant tenant(HttpServletRequest request) {
        return RequestTenant.required(request);
    }

    /** A mutable map of the given field values, for refilling a form. */
    public static Map<String, Object> values(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
        }
        return map;
    }
}
