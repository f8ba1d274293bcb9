package dev.atelier.web.headers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the browser-side defences on every response before anything else answers (cached pages, pages, the API, error
 * pages): the {@link ContentSecurityPolicy}, no framing, no MIME sniffing, and a referrer policy that sends other
 * sites only the origin — and nothing at all from pages whose address holds a one-time token. A resource may replace
 * the policy with a widened one of its own (setting the header again replaces it).
 *
 * <p>A Jetty handler in front of the servlet context rather than a servlet filter, with the fields encoded once: it
 * runs on every request, and the cached pages for visitors are served in a few microseconds.
 */
public final class SecurityHeaders extends Handler.Wrapper {

    // Addresses that carry an emailed token or an OAuth code in their query: the full URL must not leave the page.
    private static final Set<String> TOKEN_PATHS = Set.of(
            "/verify", "/reset/confirm", "/account/email/confirm", "/signin/google/callback");
    private static final String POLICY = ContentSecurityPolicy.strict().toString();
    private static final Map<String, String> ANY_PAGE = headers("strict-origin-when-cross-origin");
    private static final Map<String, String> TOKEN_PAGE = headers("no-referrer");
    private static final List<HttpField> ANY_PAGE_FIELDS = encoded(ANY_PAGE);
    private static final List<HttpField> TOKEN_PAGE_FIELDS = encoded(TOKEN_PAGE);

    public SecurityHeaders(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : carriesToken(path(request)) ? TOKEN_PAGE_FIELDS : ANY_PAGE_FIELDS) {
            headers.add(field);
        }
        return super.handle(request, response, callback);
    }

    /**
     * The headers for a response to {@code path} (decoded, as routing sees it), for anything that answers without
     * passing this handler's chain, such as the web server's own error responses.
     */
    public static Map<String, String> forPath(String path) {
        return carriesToken(path) ? TOKEN_PAGE : ANY_PAGE;
    }

    private static Map<String, String> headers(String referrerPolicy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ContentSecurityPolicy.HEADER, POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", referrerPolicy);
        return Collections.unmodifiableMap(headers);
    }

    private static List<HttpField> encoded(Map<String, String> headers) {
        return headers.entrySet().stream()
                .<HttpField>map(header -> new PreEncodedHttpField(header.getKey(), header.getValue())).toList();
    }

    // The decoded path; an undecodable one is refused later anyway and carries no token page.
    private static String path(Request request) {
        try {
            return request.getHttpURI().getDecodedPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // Compared without case and without a trailing slash, like a probe would send it; allocates nothing.
    private static boolean carriesToken(String path) {
        if (path == null) {
            return false;
        }
        int length = path.length();
        while (length > 1 && path.charAt(length - 1) == '/') {
            length--;
        }
        for (String tokenPath : TOKEN_PATHS) {
            if (tokenPath.length() == length && path.regionMatches(true, 0, tokenPath, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
