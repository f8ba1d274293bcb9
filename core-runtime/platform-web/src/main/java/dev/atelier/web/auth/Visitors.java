package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.core.db.DatabaseAccessException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.web.legal.DocumentTitles;
import dev.atelier.web.legal.LegalStandings;
import dev.atelier.web.tenant.RequestTenant;
import dev.atelier.web.pages.VisitorModel;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@code user}, {@code csrf}, {@code flash} and {@code legalNotices} (the banners announcing new versions of the
 * tenant's legal documents) of a page from the request's viewer and CSRF cookie.
 */
public final class Visitors implements VisitorModel {

    private static final Logger LOG = LoggerFactory.getLogger(Visitors.class);

    private final CsrfTokens csrf;
    private final LegalStandings standings;

    public Visitors(CsrfTokens csrf, LegalStandings standings) {
        this.csrf = csrf;
        this.standings = standings;
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
        model.put("legalNotices", viewer.filter(v -> !v.viaApiToken()).map(v -> notices(request, v)).orElse(List.of()));
    }

    private List<Map<String, Object>> notices(HttpServletRequest request, Viewer viewer) {
        Optional<Tenant> tenant = RequestTenant.of(request);
        if (tenant.isEmpty()) {
            return List.of();
        }
        try {
            return standings.announcements(tenant.get().id(), viewer.account().id()).stream()
                    .map(Visitors::notice).toList();
        } catch (DatabaseAccessException e) {
            // A banner is not worth failing the page (an error page among them) over.
            LOG.warn("Tenant {}: legal notices not shown: {}", tenant.get().slug(), e.toString());
            return List.of();
        }
    }

    private static Map<String, Object> notice(LegalVersionInfo version) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("document", version.document());
        notice.put("title", DocumentTitles.of(version.document()));
        notice.put("version", version.number());
        notice.put("effectiveDate", version.effectiveDate().toString());
        notice.put("href", "/legal/" + version.document() + "/v/" + version.number());
        return notice;
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
