package dev.atelier.web.pages;

import dev.atelier.web.headers.ContentSecurityPolicy;
import jakarta.ws.rs.core.Response;

/** Platform-level pages that need no theme: they must work when no tenant or no template does. */
public final class PlainPages {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;"
            + "padding:0 1rem;color:#1d1b26}";
    // The one inline style block these pages have, allowed by its hash.
    private static final String POLICY = ContentSecurityPolicy.strict().withInlineStyle(STYLE).toString();

    private PlainPages() {}

    /** For hosts no tenant serves. Names no tenant, so it tells a visitor nothing about who is hosted here. */
    public static Response unknownHost() {
        return Response.status(404).type(HTML).header("Cache-Control", "no-store")
                .header(ContentSecurityPolicy.HEADER, POLICY).entity(page("Not found",
                "There is no site at this address.")).build();
    }

    /** When even the default theme cannot render an error page. */
    public static Response serverError() {
        return Response.status(500).type(HTML).header("Cache-Control", "no-store")
                .header(ContentSecurityPolicy.HEADER, POLICY).entity(page("Something went wrong",
                "This page could not be shown. Please try again in a moment.")).build();
    }

    /** When the database is away and even the theme's error page cannot be rendered. */
    public static Response unavailable() {
        return Response.status(503).type(HTML).header("Cache-Control", "no-store").header("Retry-After", "5")
                .header(ContentSecurityPolicy.HEADER, POLICY).entity(page("Temporarily unavailable",
                "This site is temporarily unavailable. Please try again in a few seconds.")).build();
    }

    /** The Content-Security-Policy a page of {@link #html} needs: the strict one plus its own style block. */
    public static String policy() {
        return POLICY;
    }

    /** A plain page with a heading and one sentence, for errors with no site to theme them. */
    public static String html(String title, String text) {
        return page(title, text);
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + title + "</title>"
                + "<style>" + STYLE + "</style></head><body><main><h1>" + title + "</h1><p>" + text
                + "</p></main></body></html>";
    }
}
