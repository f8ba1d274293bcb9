package dev.atelier.web.http;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The path a request is routed on: decoded, matrix parameters dropped, empty and {@code .} segments left out. Every
 * decision about a path (CSRF on the API, operator paths, which host a path needs) is made on it, so that
 * {@code /api;x=1/v1/uploads} or {@code //api/v1/uploads} cannot land on a route while escaping its checks.
 */
public final class RoutePath {

    private RoutePath() {}

    /** The routed path of a Jersey request, starting with {@code /}. */
    public static String of(UriInfo uri) {
        List<String> segments = new ArrayList<>();
        for (PathSegment segment : uri.getPathSegments(true)) {
            segments.add(segment.getPath());
        }
        return join(segments);
    }

    /** The routed path of a raw, still encoded request path such as {@code /api;x=1/v1/%75ploads}. */
    public static String ofRaw(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : (rawPath == null ? "" : rawPath).split("/", -1)) {
            int parameters = segment.indexOf(';');
            String plain = parameters < 0 ? segment : segment.substring(0, parameters);
            segments.add(decode(plain));
        }
        return join(segments);
    }

    // A malformed escape (%zz) routes nowhere; it is kept as sent.
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** Whether {@code path} (a routed path) is under the JSON API. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String join(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                path.append('/').append(segment);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
