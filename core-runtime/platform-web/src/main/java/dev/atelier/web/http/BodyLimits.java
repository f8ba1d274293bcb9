package dev.atelier.web.http;

import java.util.Locale;

/**
 * How large a request body each address takes, by route and content type; larger bodies are refused with 413 before
 * anything reads them.
 *
 * @param form an {@code application/x-www-form-urlencoded} body (sign-in, account and admin forms); four times as much
 *     for the legal document editor ({@code /admin/legal}), whose form carries a whole template, percent-encoded
 * @param json a JSON body (the API, vendors' webhooks)
 * @param multipart a multipart form that carries no media (the branding form with its logo)
 * @param upload a multipart form that carries a generation input ({@code /api/v1/uploads}, {@code /create}); must
 *     exceed the largest input media (100 MB videos); also a bundle jar sent from the operator console's bundles page
 * @param bundle a plugin bundle sent to the operator API (a deploy or a canary)
 * @param other any other body
 */
public record BodyLimits(long form, long json, long multipart, long upload, long bundle, long other) {

    private static final java.util.regex.Pattern CANARY_API =
            java.util.regex.Pattern.compile("/api/v1/operator/bundles/[^/]+/canary");
    private static final java.util.regex.Pattern CANARY_FORM =
            java.util.regex.Pattern.compile("/operator/bundles/[^/]+/canary");
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    /** The platform's limits. */
    public static BodyLimits defaults() {
        return new BodyLimits(64 * KB, MB, 2 * MB, 110 * MB, 256 * MB, MB);
    }

    /** The largest body {@code path} (a routed path, see {@link RoutePath}) takes with {@code contentType}. */
    public long of(String path, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (path.equals("/api/v1/operator/bundles") || CANARY_API.matcher(path).matches()) {
            return bundle;
        }
        if (type.startsWith("multipart/")) {
            return path.equals("/api/v1/uploads") || path.equals("/create") || path.equals("/operator/bundles")
                    || CANARY_FORM.matcher(path).matches() ? upload : multipart;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return path.equals("/admin/legal") ? 4 * form : form;
        }
        if (type.startsWith("application/json") || type.matches("^[a-z0-9.+-]+/[a-z0-9.+-]*\\+json.*")) {
            return json;
        }
        return other;
    }
}
