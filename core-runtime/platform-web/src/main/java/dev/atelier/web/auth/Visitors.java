package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.web.pages.VisitorModel;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Fills {@code user}, {@code csrf} and {@code flash} of a page from the request's viewer and CSRF cookie. */
public final class Visitors implements VisitorModel {

    private final CsrfTokens csrf;

    public Visitors(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    @Override
    public boolean signedIn(HttpServletRequest request) {
        return RequestAuth.viewer(request).isPresent();
    }

    @Override
    public void addTo(HttpServletRequest request, Map<String, Object> model) {
        Optional<Viewer> viewer = RequestAuth.viewer(request);
        model.put("user", viewer.map(Visitors::user).orElse(null));
        model.put("csrf", csrf.tokenFor(request));
        model.put("flash", Flash.of(queryParameter(request, "done")));
    }

    // From the query string only: a parameter of a POST would make Jetty read and parse the whole body first.
    private static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The {@code user} entry of page data. */
    static Map<String, Object> user(Viewer viewer) {
        Account account = viewer.account();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", account.id());
        user.put("displayName", account.displayName());
        user.put("email", account.email());
        user.put("emailVerified", account.emailVerified());
        user.put("admin", viewer.admin());
        return user;
    }
}
